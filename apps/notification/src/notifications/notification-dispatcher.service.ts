import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { NotificationDelivered, NotificationFailed } from '@careloop/contracts';
import { EventFactory, OutboxEntry, PollingLoop } from '@careloop/messaging';
import { ChannelRegistry } from '../channels/channel-registry';
import { ChannelResult } from '../channels/notification-channel';
import { NotificationEnv } from '../config/notification.env';
import { DeliveryOutcome, deliveryOutcome } from './delivery-outcome';
import { DueNotification, NotificationsRepository } from './notifications.repository';
import { NotificationRecord } from './schemas/notification.schema';

/**
 * Sends due notifications, the way the outbox relay publishes: it polls (and reacts to kicks), leases one notification
 * at a time with a conditional update, attempts it on its channel, and records the attempt, the new state and the
 * NotificationDelivered / NotificationFailed event in one update. Several replicas can run it side by side.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationDispatcher.name);
  private readonly loop: PollingLoop;

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly channels: ChannelRegistry,
    private readonly events: EventFactory,
    private readonly env: NotificationEnv,
  ) {
    this.loop = new PollingLoop(NotificationDispatcher.name, () => this.pass(), env.NOTIFICATION_DISPATCH_POLL_MS);
  }

  onApplicationBootstrap(): void {
    if (this.env.NOTIFICATION_DISPATCH_ENABLED) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling and waits for the attempts in flight. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Asks for a pass now (new notifications were stored) instead of at the next poll. */
  kick(): void {
    this.loop.kick();
  }

  /** One batch of due notifications, a few at a time; true when the batch was full (more may be due). */
  private async pass(): Promise<boolean> {
    const concurrency = this.env.NOTIFICATION_DISPATCH_CONCURRENCY;
    const batch = concurrency * 8;
    const due = await this.notifications.due(new Date(), batch);
    const queue = [...due];
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next && !this.loop.isStopped; next = queue.shift()) {
        await this.dispatch(next).catch((err: unknown) =>
          // The lease expires and the notification is tried again: at least once, never lost.
          this.logger.warn(`dispatch of ${next?._id} failed: ${err instanceof Error ? err.name : 'unknown error'}`),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    return due.length === batch;
  }

  private async dispatch(ref: DueNotification): Promise<void> {
    const leased = await this.notifications.lease(ref, new Date(), this.env.NOTIFICATION_DISPATCH_LEASE_MS);
    if (!leased) return;
    const { notification, leaseToken } = leased;
    const at = new Date();
    const started = performance.now();
    const result = await this.attempt(notification);
    const outcome = deliveryOutcome(notification, result, at, performance.now() - started, {
      baseDelayMs: this.env.NOTIFICATION_RETRY_BASE_DELAY_MS,
    });
    const recorded = await this.notifications.recordAttempt(
      notification.tenantId,
      notification._id,
      leaseToken,
      outcome.set,
      outcome.attempt,
      [this.eventOf(notification, outcome)],
    );
    if (!recorded) this.logger.warn(`lease of notification ${notification._id} lost before its attempt was recorded`);
  }

  private async attempt(notification: NotificationRecord): Promise<ChannelResult> {
    const channel = this.channels.get(notification.channel);
    if (!channel) return { ok: false, failure: { kind: 'refused', reason: 'unknown-channel' } };
    try {
      return await channel.send(notification);
    } catch (err) {
      // Channels report failures as results; a throw is a lookup or programming error, treated as transient.
      this.logger.warn(`channel ${notification.channel} threw for ${notification._id}: ${err instanceof Error ? err.name : 'unknown'}`);
      return { ok: false, failure: { kind: 'network' } };
    }
  }

  private eventOf(notification: NotificationRecord, outcome: DeliveryOutcome): OutboxEntry {
    const options = {
      // Deterministic: the event of attempt n of a notification has one id, whoever records it.
      id: `${notification._id}.${outcome.attempt.attempt}`,
      context: {
        tenantId: notification.tenantId,
        correlationId: notification.correlationId,
        causationId: notification.sourceEventId,
      },
    };
    return outcome.event.kind === 'delivered'
      ? this.events.create(NotificationDelivered, outcome.event.data, options)
      : this.events.create(NotificationFailed, outcome.event.data, options);
  }
}
