import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ClientProfilesModule } from '../client-profiles/client-profiles.module';
import { ManagersModule } from '../managers/managers.module';
import { CarePlansEventsController } from './care-plans.events.controller';
import { CarePlansHttpController } from './care-plans.http.controller';
import { CarePlansService } from './care-plans.service';
import { CareRecordWriter } from './care-record-writer.service';
import { CareRecordsRepository } from './care-records.repository';
import { NeedPlanningService } from './need-planning.service';
import { ReferralLoopService } from './referral-loop.service';
import { CareRecordEntity, CareRecordSchema } from './schemas/care-record.schema';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: CareRecordEntity.name, schema: CareRecordSchema }]),
    ManagersModule,
    ClientProfilesModule,
  ],
  controllers: [CarePlansHttpController, CarePlansEventsController],
  providers: [CareRecordsRepository, CareRecordWriter, CarePlansService, NeedPlanningService, ReferralLoopService],
  exports: [CareRecordsRepository, CareRecordWriter],
})
export class CarePlansModule {}
