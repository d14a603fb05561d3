import { Inject, Injectable, Logger } from '@nestjs/common';
import { ClientContactsRepository } from '../client-contacts/client-contacts.repository';
import { NotificationEnv } from '../config/notification.env';
import { DeliveryFailure } from '../domain/retry-policy';
import { HostResolver, checkWebhookTarget } from '../domain/webhook-url-policy';
import { NotificationRecord } from '../notifications/schemas/notification.schema';
import { HOST_RESOLVER } from '../webhook-subscriptions/host-resolver';
import { signWebhook } from '../webhook-subscriptions/webhook-secret';
import { WebhookSubscriptionsRepository } from '../webhook-subscriptions/webhook-subscriptions.repository';
import { ForbiddenTargetError, RequestTimeoutError, postJson } from './guarded-http';
import { ChannelResult, NotificationChannel, parseRetryAfter, refused } from './notification-channel';

export function webhookErrorFailure(err: unknown): DeliveryFailure {
  if (err instanceof ForbiddenTargetError) return { kind: 'refused', reason: 'forbidden-target' };
  if (err instanceof RequestTimeoutError) return { kind: 'timeout' };
  return { kind: 'network' };
}

/**
 * Partner webhooks per Standard Webhooks: `webhook-id` (the notification id, the same on every attempt),
 * `webhook-timestamp`, and `webhook-signature` with one signature per valid secret. The URL is checked again at send
 * time, and the connection itself only goes to addresses the policy allows.
 */
@Injectable()
export class WebhookChannel implements NotificationChannel {
  readonly channel = 'webhook' as const;
  private readonly logger = new Logger(WebhookChannel.name);

  constructor(
    private readonly env: NotificationEnv,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly clients: ClientContactsRepository,
    @Inject(HOST_RESOLVER) private readonly resolve: HostResolver,
  ) {}

  async send(notification: NotificationRecord): Promise<ChannelResult> {
    if (!notification.payload) return refused('no-content');
    const now = new Date();
    const target = await this.subscriptions.targetFor(notification.tenantId, notification.recipientRef, now);
    if (!target || !target.active) return refused('subscription-inactive');
    if (notification.clientId) {
      // Consent to share can be withdrawn while a delivery waits for its retry: checked again before every attempt.
      const contact = await this.clients.find(notification.tenantId, notification.clientId);
      if (!contact?.consent?.shareWithPartners) return refused('no-consent');
    }
    const allowPrivate = this.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    const check = await checkWebhookTarget(target.url, { allowPrivate, resolve: this.resolve });
    if (!check.ok) {
      // A name that does not resolve now may resolve later; a forbidden target will not become allowed.
      return check.reason === 'unresolvable-host' ? { ok: false, failure: { kind: 'network' } } : refused('forbidden-target');
    }
    const body = JSON.stringify(notification.payload);
    const headers = {
      'webhook-id': notification._id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signWebhook(target.secrets, notification._id, now, body),
      'user-agent': 'careloop-webhooks/1',
    };
    try {
      const result = await postJson(check.url, body, headers, { timeoutMs: this.env.WEBHOOK_TIMEOUT_MS, allowPrivate });
      if (result.status >= 200 && result.status < 300) return { ok: true };
      const retryAfterSeconds = parseRetryAfter(result.retryAfter, new Date());
      return {
        ok: false,
        failure: { kind: 'http', status: result.status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) },
      };
    } catch (err) {
      const failure = webhookErrorFailure(err);
      this.logger.warn(`webhook ${notification._id} not delivered: ${failure.kind}`);
      return { ok: false, failure };
    }
  }
}
