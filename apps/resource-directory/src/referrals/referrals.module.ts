import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryModule } from '../directory/directory.module';
import { ReferralMatchingService } from './referral-matching.service';
import { ReferralsEventsController } from './referrals.events.controller';
import { ReferralsHttpController } from './referrals.http.controller';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';
import { Referral, ReferralSchema } from './schemas/referral.schema';

@Module({
  imports: [DirectoryModule, MongooseModule.forFeature([{ name: Referral.name, schema: ReferralSchema }])],
  controllers: [ReferralsHttpController, ReferralsEventsController],
  providers: [ReferralsRepository, ReferralsService, ReferralMatchingService],
})
export class ReferralsModule {}
