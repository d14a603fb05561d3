import { Module } from '@nestjs/common';
import { PlatformModule } from '@careloop/runtime';
import { CarePlansModule } from './care-plans/care-plans.module';
import { CasesModule } from './cases/cases.module';
import { ClientProfilesModule } from './client-profiles/client-profiles.module';
import { CarePlanningEnv } from './config/care-planning.env';
import { ManagersModule } from './managers/managers.module';

@Module({
  imports: [
    PlatformModule.forService({ service: 'care-planning', envClass: CarePlanningEnv }),
    ManagersModule,
    ClientProfilesModule,
    CarePlansModule,
    CasesModule,
  ],
})
export class AppModule {}
