import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ClientsModule } from '../clients/clients.module';
import { ReferralsHttpController } from './referrals.http.controller';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';
import { Referral, ReferralSchema } from './schemas/referral.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: Referral.name, schema: ReferralSchema }]), ClientsModule],
  controllers: [ReferralsHttpController],
  providers: [ReferralsRepository, ReferralsService],
})
export class ReferralsModule {}
