import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryHttpController } from './directory.http.controller';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';
import { GeoSearchCapability } from './geo-search-capability.service';
import { DIRECTORY_SERVICE_MODEL, DirectoryServiceSchema } from './schemas/directory-service.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: DIRECTORY_SERVICE_MODEL, schema: DirectoryServiceSchema }])],
  controllers: [DirectoryHttpController],
  providers: [DirectoryRepository, DirectoryService, GeoSearchCapability],
  exports: [DirectoryRepository, GeoSearchCapability],
})
export class DirectoryModule {}
