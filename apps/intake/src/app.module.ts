import { Module } from '@nestjs/common';
import { PlatformModule } from '@careloop/runtime';
import { ClientsModule } from './clients/clients.module';
import { IntakeEnv } from './config/intake.env';

@Module({
  imports: [PlatformModule.forService({ service: 'intake', envClass: IntakeEnv }), ClientsModule],
})
export class AppModule {}
