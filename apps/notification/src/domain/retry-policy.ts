import { Channel } from '@careloop/contracts';

export interface RetryPolicy {
  /** Including the first attempt. */
  readonly maxAttempts: number;
  /** Delay after the first failed attempt, before jitter. */
  readonly baseDelayMs: number;
  readonly factor: number;
  readonly maxDelayMs: number;
  /** Each delay is drawn from ±jitter of its nominal value, so retries of one outage do not arrive together. */
  readonly jitter: number;
}

const MINUTE = 60_000;

/**
 * webhook: 6 attempts, nominal delays 2, 4, 8, 16, 32 min (about an hour in all): a partner endpoint down for a
 * deploy gets its events. email: 4 attempts over about 40 min, past the usual greylisting window. sms: 4 attempts
 * within about 10 min, because a text that arrives hours late is worse than one that fails visibly.
 */
export const RETRY_POLICIES: Readonly<Record<Channel, RetryPolicy>> = {
  webhook: { maxAttempts: 6, baseDelayMs: 2 * MINUTE, factor: 2, maxDelayMs: 40 * MINUTE, jitter: 0.2 },
  email: { maxAttempts: 4, baseDelayMs: 2 * MINUTE, factor: 4, maxDelayMs: 40 * MINUTE, jitter: 0.2 },
  sms: { maxAttempts: 4, baseDelayMs: 30_000, factor: 4, maxDelayMs: 10 * MINUTE, jitter: 0.2 },
};

/** What went wrong with one delivery attempt, as the channel adapter saw it. */
export type DeliveryFailure =
  | { readonly kind: 'http'; readonly status: number; readonly retryAfterSeconds?: number }
  | { readonly kind: 'smtp'; readonly code: number }
  | { readonly kind: 'timeout' }
  /** Connection refused or reset, DNS failure: the request may never have reached the other side. */
  | { readonly kind: 'network' }
  /** Our own refusal (target forbidden by the URL policy, no consent, invalid address): retrying cannot help. */
  | { readonly kind: 'refused'; readonly reason: string };

export function isRetryable(channel: Channel, failure: DeliveryFailure): boolean {
  switch (failure.kind) {
    case 'timeout':
    case 'network':
      return true;
    case 'refused':
      return false;
    case 'http':
      // 408 and 429 are "try again later"; other 4xx mean the request itself is wrong. 3xx is not followed for
      // webhooks (a redirect could lead past the URL policy), so it is a failure that retrying will not change.
      return failure.status >= 500 || failure.status === 408 || failure.status === 429;
    case 'smtp':
      // SMTP 4yz is a transient negative reply (greylisting, mailbox busy); 5yz is permanent.
      return channel === 'email' && failure.code >= 400 && failure.code < 500;
  }
}

/** The nominal delay after failed attempt n (1-based), jittered with `random` in [0, 1). */
export function backoffDelayMs(channel: Channel, attempt: number, random: () => number = Math.random): number {
  const p = RETRY_POLICIES[channel];
  const nominal = Math.min(p.baseDelayMs * p.factor ** (attempt - 1), p.maxDelayMs);
  return Math.round(nominal * (1 - p.jitter + 2 * p.jitter * random()));
}

/** Offsets (ms from the first attempt) of every attempt the policy allows: the first is 0. */
export function attemptSchedule(channel: Channel, random: () => number = Math.random): number[] {
  const offsets = [0];
  for (let attempt = 1; attempt < RETRY_POLICIES[channel].maxAttempts; attempt++) {
    offsets.push(offsets[attempt - 1] + backoffDelayMs(channel, attempt, random));
  }
  return offsets;
}

export type RetryDecision =
  | { readonly retry: true; readonly nextAttempt: number; readonly at: Date }
  /** Reason codes as NotificationFailed.reason carries them. */
  | { readonly retry: false; readonly reason: 'not-retryable' | 'retries-exhausted' };

/**
 * After failed attempt n: retry or give up. A server's Retry-After is honoured when it asks for longer than our
 * backoff, up to the policy's maximum delay (a partner cannot park a delivery for a day).
 */
export function planRetry(
  channel: Channel,
  attempt: number,
  failure: DeliveryFailure,
  failedAt: Date,
  random: () => number = Math.random,
): RetryDecision {
  if (!isRetryable(channel, failure)) return { retry: false, reason: 'not-retryable' };
  const policy = RETRY_POLICIES[channel];
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'retries-exhausted' };
  let delay = backoffDelayMs(channel, attempt, random);
  if (failure.kind === 'http' && failure.retryAfterSeconds !== undefined) {
    delay = Math.max(delay, Math.min(failure.retryAfterSeconds * 1000, policy.maxDelayMs));
  }
  return { retry: true, nextAttempt: attempt + 1, at: new Date(failedAt.getTime() + delay) };
}
