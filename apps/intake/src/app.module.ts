import { Module } from '@nestjs/common';
import { PlatformModule } from '@careloop/runtime';
import { AssessmentsModule } from './assessment/assessments.module';
import { ClientsModule } from './clients/clients.module';
import { IntakeEnv } from './config/intake.env';
import { ReferralsModule } from './referrals/referrals.module';

@Module({
  imports: [
    PlatformModule.forService({ service: 'intake', envClass: IntakeEnv }),
    ClientsModule,
    AssessmentsModule,
    ReferralsModule,
  ],
})
export class AppModule {}
