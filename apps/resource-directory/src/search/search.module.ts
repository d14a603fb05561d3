import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { SearchHttpController } from './search.http.controller';
import { ServiceSearchService } from './service-search.service';

@Module({
  imports: [DirectoryModule],
  controllers: [SearchHttpController],
  providers: [ServiceSearchService],
  exports: [ServiceSearchService],
})
export class SearchModule {}
