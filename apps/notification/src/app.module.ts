import { Module } from '@nestjs/common';
import { PlatformModule } from '@careloop/runtime';
import { NotificationEnv } from './config/notification.env';

@Module({
  imports: [PlatformModule.forService({ service: 'notification', envClass: NotificationEnv })],
})
export class AppModule {}
