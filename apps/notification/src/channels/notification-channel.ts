import { Channel } from '@careloop/contracts';
import { DeliveryFailure } from '../domain/retry-policy';
import { NotificationRecord } from '../notifications/schemas/notification.schema';

export type ChannelResult = { readonly ok: true } | { readonly ok: false; readonly failure: DeliveryFailure };

/** One way of delivering a notification. It looks up its own target (address, endpoint) and never throws for a failure. */
export interface NotificationChannel {
  readonly channel: Channel;
  send(notification: NotificationRecord): Promise<ChannelResult>;
}

export function refused(reason: string): ChannelResult {
  return { ok: false, failure: { kind: 'refused', reason } };
}

/** The code recorded on an attempt and carried by NotificationFailed.reason: what happened, never a server's words. */
export function failureCode(failure: DeliveryFailure): string {
  switch (failure.kind) {
    case 'http':
      return `http-${failure.status}`;
    case 'smtp':
      return `smtp-${failure.code}`;
    case 'timeout':
      return 'timeout';
    case 'network':
      return 'network';
    case 'refused':
      return failure.reason;
  }
}

/** Retry-After as seconds (delta-seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}
