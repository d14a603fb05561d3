import { Module } from '@nestjs/common';
import { PlatformModule } from '@careloop/runtime';
import { ClientContactsModule } from './client-contacts/client-contacts.module';
import { NotificationEnv } from './config/notification.env';
import { NotificationsModule } from './notifications/notifications.module';
import { RecipientsModule } from './recipients/recipients.module';
import { WebhookSubscriptionsModule } from './webhook-subscriptions/webhook-subscriptions.module';

@Module({
  imports: [
    PlatformModule.forService({ service: 'notification', envClass: NotificationEnv }),
    ClientContactsModule,
    RecipientsModule,
    WebhookSubscriptionsModule,
    NotificationsModule,
  ],
})
export class AppModule {}
