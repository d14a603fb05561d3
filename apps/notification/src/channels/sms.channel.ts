import { Injectable } from '@nestjs/common';
import { NotificationEnv } from '../config/notification.env';
import { NotificationRecord } from '../notifications/schemas/notification.schema';
import { ContactResolver } from './contact-resolver';
import { ChannelResult, NotificationChannel, parseRetryAfter, refused } from './notification-channel';

/**
 * An HTTP SMS gateway: `POST SMS_GATEWAY_URL` with a bearer token and `{to, body}`. Without a gateway every SMS fails
 * with `sms-not-configured` (not retryable), so the notification moves on to its fallback channel.
 */
@Injectable()
export class SmsChannel implements NotificationChannel {
  readonly channel = 'sms' as const;

  constructor(
    private readonly env: NotificationEnv,
    private readonly contacts: ContactResolver,
  ) {}

  async send(notification: NotificationRecord): Promise<ChannelResult> {
    const gateway = this.env.SMS_GATEWAY_URL;
    if (!gateway || !this.env.SMS_GATEWAY_TOKEN) return refused('sms-not-configured');
    const content = notification.content;
    if (!content) return refused('no-content');
    const contact = await this.contacts.resolve(notification, 'sms');
    if (!contact.ok) return refused(contact.reason);
    try {
      const response = await fetch(gateway, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.env.SMS_GATEWAY_TOKEN}`,
          'idempotency-key': notification._id,
        },
        body: JSON.stringify({ to: contact.address, body: content.text }),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.env.CHANNEL_TIMEOUT_MS),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { ok: true };
      const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), new Date());
      return {
        ok: false,
        failure: { kind: 'http', status: response.status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) },
      };
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      return { ok: false, failure: name === 'TimeoutError' || name === 'AbortError' ? { kind: 'timeout' } : { kind: 'network' } };
    }
  }
}
