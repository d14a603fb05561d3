import { Module } from '@nestjs/common';
import { ClientContactsModule } from '../client-contacts/client-contacts.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { WebhookSubscriptionsModule } from '../webhook-subscriptions/webhook-subscriptions.module';
import { ChannelRegistry } from './channel-registry';
import { ContactResolver } from './contact-resolver';
import { EmailChannel } from './email.channel';
import { SmsChannel } from './sms.channel';
import { WebhookChannel } from './webhook.channel';

@Module({
  imports: [ClientContactsModule, RecipientsModule, WebhookSubscriptionsModule],
  providers: [ContactResolver, EmailChannel, SmsChannel, WebhookChannel, ChannelRegistry],
  exports: [ChannelRegistry],
})
export class ChannelsModule {}
