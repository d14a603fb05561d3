import { Channel, NotificationDeliveredV1, NotificationFailedV1 } from '@careloop/contracts';
import { RETRY_POLICIES, planRetry } from '../domain/retry-policy';
import { ChannelResult, failureCode } from '../channels/notification-channel';
import { DeliveryAttempt, Notification } from './schemas/notification.schema';

export interface RetrySettings {
  /** Replaces every policy's base delay; the backoff keeps its shape (tests use milliseconds instead of minutes). */
  readonly baseDelayMs?: number;
  readonly random?: () => number;
}

export type OutcomeEvent =
  | { readonly kind: 'delivered'; readonly data: NotificationDeliveredV1 }
  | { readonly kind: 'failed'; readonly data: NotificationFailedV1 };

export interface DeliveryOutcome {
  /** Fields to set on the notification, in the same update as the attempt and the event. */
  readonly set: Partial<Pick<
    Notification,
    'status' | 'channel' | 'channelAttempts' | 'nextAttemptAt' | 'deliveredAt' | 'failedAt' | 'finalReason'
  >>;
  readonly attempt: DeliveryAttempt;
  readonly event: OutcomeEvent;
}

type Attempted = Pick<
  Notification,
  '_id' | 'channel' | 'fallbackChannel' | 'channelAttempts' | 'attempts' | 'sourceEventId' | 'sourceEventType' | 'clientId' |
  'recipientKind' | 'recipientRef'
>;

/**
 * What one attempt's result means for the notification: delivered; retried on the same channel (backoff, Retry-After);
 * moved to its fallback channel once the first failed for good; or failed for good. Pure, so every branch is unit-tested.
 */
export function deliveryOutcome(
  notification: Attempted,
  result: ChannelResult,
  at: Date,
  durationMs: number,
  settings: RetrySettings = {},
): DeliveryOutcome {
  const channel = notification.channel as Channel;
  const attemptNo = notification.attempts.length + 1;
  const channelAttempt = notification.channelAttempts + 1;
  const base = {
    notificationId: notification._id,
    sourceEventId: notification.sourceEventId,
    sourceEventType: notification.sourceEventType,
    ...(notification.clientId ? { clientId: notification.clientId } : {}),
    channel,
    recipientKind: notification.recipientKind as NotificationDeliveredV1['recipientKind'],
    recipientRef: notification.recipientRef,
    attempt: attemptNo,
    at: at.toISOString(),
  };
  const attempt = { attempt: attemptNo, at, channel, durationMs: Math.max(0, Math.round(durationMs)) };

  if (result.ok) {
    return {
      set: { status: 'delivered', channelAttempts: channelAttempt, nextAttemptAt: null, deliveredAt: at },
      attempt: { ...attempt, outcome: 'delivered' },
      event: { kind: 'delivered', data: base },
    };
  }

  const code = failureCode(result.failure);
  const decision = planRetry(channel, channelAttempt, result.failure, at, settings.random);
  if (decision.retry) {
    return {
      set: { status: 'pending', channelAttempts: channelAttempt, nextAttemptAt: scaled(channel, at, decision.at, settings) },
      attempt: { ...attempt, outcome: 'failed', failure: code, retried: true },
      event: { kind: 'failed', data: { ...base, reason: code, final: false } },
    };
  }

  const fallback = notification.fallbackChannel;
  if (fallback && fallback !== channel) {
    // The fallback gets its own retry budget; it is tried once only (no ping-pong between channels).
    return {
      set: { status: 'pending', channel: fallback, channelAttempts: 0, nextAttemptAt: at },
      attempt: { ...attempt, outcome: 'failed', failure: code, retried: true },
      event: { kind: 'failed', data: { ...base, reason: code, final: false } },
    };
  }

  return {
    set: { status: 'failed', channelAttempts: channelAttempt, nextAttemptAt: null, failedAt: at, finalReason: decision.reason },
    attempt: { ...attempt, outcome: 'failed', failure: code, retried: false },
    event: { kind: 'failed', data: { ...base, reason: code, final: true } },
  };
}

function scaled(channel: Channel, failedAt: Date, planned: Date, settings: RetrySettings): Date {
  if (settings.baseDelayMs === undefined) return planned;
  const factor = settings.baseDelayMs / RETRY_POLICIES[channel].baseDelayMs;
  return new Date(failedAt.getTime() + Math.round((planned.getTime() - failedAt.getTime()) * factor));
}
