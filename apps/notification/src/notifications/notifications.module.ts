import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ChannelsModule } from '../channels/channels.module';
import { ClientContactsModule } from '../client-contacts/client-contacts.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { WebhookSubscriptionsModule } from '../webhook-subscriptions/webhook-subscriptions.module';
import { DeferredEventsRepository } from './deferred-events.repository';
import { NotificationDispatcher } from './notification-dispatcher.service';
import { NotificationPlanner } from './notification-planner.service';
import { NotificationsEventsController } from './notifications.events.controller';
import { NotificationsHttpController } from './notifications.http.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { DeferredEvent, DeferredEventSchema } from './schemas/deferred-event.schema';
import { Notification, NotificationSchema } from './schemas/notification.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Notification.name, schema: NotificationSchema },
      { name: DeferredEvent.name, schema: DeferredEventSchema },
    ]),
    ChannelsModule,
    ClientContactsModule,
    RecipientsModule,
    WebhookSubscriptionsModule,
  ],
  controllers: [NotificationsEventsController, NotificationsHttpController],
  providers: [NotificationsRepository, DeferredEventsRepository, NotificationPlanner, NotificationDispatcher, NotificationsService],
})
export class NotificationsModule {}
