import { Module } from '@nestjs/common';
import { PlatformModule } from '@careloop/runtime';
import { CarePlanningEnv } from './config/care-planning.env';

@Module({
  imports: [PlatformModule.forService({ service: 'care-planning', envClass: CarePlanningEnv })],
})
export class AppModule {}
