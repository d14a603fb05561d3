/// <reference types="jest" />
import { CHANNELS } from '@careloop/contracts';
import { RETRY_POLICIES, attemptSchedule, backoffDelayMs, isRetryable, planRetry } from './retry-policy';

const MINUTE = 60_000;
const middle = (): number => 0.5;
const lowest = (): number => 0;
const highest = (): number => 0.999999;

describe('retry schedule', () => {
  it('gives webhooks 6 attempts over about an hour', () => {
    const schedule = attemptSchedule('webhook', middle);
    expect(schedule).toEqual([0, 2, 6, 14, 30, 62].map((m) => m * MINUTE));
  });

  it('gives email 4 attempts and sms 4 attempts', () => {
    expect(attemptSchedule('email', middle)).toHaveLength(4);
    expect(attemptSchedule('sms', middle)).toHaveLength(4);
    expect(RETRY_POLICIES.email.maxAttempts).toBe(4);
  });

  it('keeps the whole webhook schedule within 50 to 75 minutes whatever the jitter', () => {
    expect(attemptSchedule('webhook', lowest).at(-1)).toBeGreaterThanOrEqual(49 * MINUTE);
    expect(attemptSchedule('webhook', highest).at(-1)).toBeLessThanOrEqual(75 * MINUTE);
  });

  it('grows exponentially, jitters within ±20% and caps each delay', () => {
    expect(backoffDelayMs('webhook', 1, middle)).toBe(2 * MINUTE);
    expect(backoffDelayMs('webhook', 2, middle)).toBe(4 * MINUTE);
    expect(backoffDelayMs('webhook', 1, lowest)).toBe(1.6 * MINUTE);
    expect(backoffDelayMs('webhook', 1, highest)).toBeCloseTo(2.4 * MINUTE, -2);
    expect(backoffDelayMs('webhook', 20, middle)).toBe(RETRY_POLICIES.webhook.maxDelayMs);
  });

  it('spreads retries of simultaneous failures apart', () => {
    const values = [0.1, 0.4, 0.9].map((r) => backoffDelayMs('email', 2, () => r));
    expect(new Set(values).size).toBe(3);
  });
});

describe('isRetryable', () => {
  it.each([500, 502, 503, 504, 429, 408])('retries HTTP %i on webhook and sms', (status) => {
    expect(isRetryable('webhook', { kind: 'http', status })).toBe(true);
    expect(isRetryable('sms', { kind: 'http', status })).toBe(true);
  });

  it.each([400, 401, 403, 404, 410, 413, 422, 301, 302])('does not retry HTTP %i', (status) => {
    expect(isRetryable('webhook', { kind: 'http', status })).toBe(false);
  });

  it('retries timeouts and network errors on every channel', () => {
    for (const channel of CHANNELS) {
      expect(isRetryable(channel, { kind: 'timeout' })).toBe(true);
      expect(isRetryable(channel, { kind: 'network' })).toBe(true);
    }
  });

  it.each([421, 450, 451, 452])('retries SMTP %i', (code) => {
    expect(isRetryable('email', { kind: 'smtp', code })).toBe(true);
  });

  it.each([550, 551, 552, 553, 554])('does not retry SMTP %i', (code) => {
    expect(isRetryable('email', { kind: 'smtp', code })).toBe(false);
  });

  it('never retries our own refusals', () => {
    expect(isRetryable('webhook', { kind: 'refused', reason: 'forbidden-address' })).toBe(false);
  });
});

describe('planRetry', () => {
  const failedAt = new Date('2025-03-10T12:00:00.000Z');

  it('schedules the next attempt after the backoff', () => {
    expect(planRetry('webhook', 1, { kind: 'http', status: 503 }, failedAt, middle)).toEqual({
      retry: true,
      nextAttempt: 2,
      at: new Date(failedAt.getTime() + 2 * MINUTE),
    });
  });

  it('gives up after the last attempt with retries-exhausted', () => {
    expect(planRetry('webhook', 6, { kind: 'timeout' }, failedAt, middle)).toEqual({ retry: false, reason: 'retries-exhausted' });
    expect(planRetry('email', 4, { kind: 'smtp', code: 451 }, failedAt, middle)).toEqual({ retry: false, reason: 'retries-exhausted' });
    expect(planRetry('email', 3, { kind: 'smtp', code: 451 }, failedAt, middle)).toMatchObject({ retry: true, nextAttempt: 4 });
  });

  it('gives up at once on a permanent failure', () => {
    expect(planRetry('webhook', 1, { kind: 'http', status: 404 }, failedAt, middle)).toEqual({ retry: false, reason: 'not-retryable' });
  });

  it('honours a longer Retry-After, capped at the maximum delay', () => {
    const longer = planRetry('webhook', 1, { kind: 'http', status: 429, retryAfterSeconds: 600 }, failedAt, middle);
    expect(longer).toMatchObject({ at: new Date(failedAt.getTime() + 10 * MINUTE) });
    const shorter = planRetry('webhook', 1, { kind: 'http', status: 429, retryAfterSeconds: 5 }, failedAt, middle);
    expect(shorter).toMatchObject({ at: new Date(failedAt.getTime() + 2 * MINUTE) });
    const huge = planRetry('webhook', 1, { kind: 'http', status: 503, retryAfterSeconds: 86_400 }, failedAt, middle);
    expect(huge).toMatchObject({ at: new Date(failedAt.getTime() + RETRY_POLICIES.webhook.maxDelayMs) });
  });
});
