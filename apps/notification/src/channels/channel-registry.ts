import { Injectable } from '@nestjs/common';
import { EmailChannel } from './email.channel';
import { NotificationChannel } from './notification-channel';
import { SmsChannel } from './sms.channel';
import { WebhookChannel } from './webhook.channel';

@Injectable()
export class ChannelRegistry {
  private readonly byName: ReadonlyMap<string, NotificationChannel>;

  constructor(email: EmailChannel, sms: SmsChannel, webhook: WebhookChannel) {
    this.byName = new Map<string, NotificationChannel>([email, sms, webhook].map((c) => [c.channel, c]));
  }

  get(channel: string): NotificationChannel | undefined {
    return this.byName.get(channel);
  }
}
