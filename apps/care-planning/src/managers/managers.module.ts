import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CaseloadService } from './caseload.service';
import { ManagersHttpController } from './managers.http.controller';
import { ManagersRepository } from './managers.repository';
import { ManagersService } from './managers.service';
import { Manager, ManagerSchema } from './schemas/manager.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: Manager.name, schema: ManagerSchema }])],
  controllers: [ManagersHttpController],
  providers: [ManagersRepository, ManagersService, CaseloadService],
  exports: [ManagersRepository, CaseloadService],
})
export class ManagersModule {}
