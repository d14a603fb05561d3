import { deliveryOutcome } from './delivery-outcome';
import { DeliveryAttempt } from './schemas/notification.schema';

const at = new Date('2026-03-02T10:00:00.000Z');
const midpoint = (): number => 0.5;

function notification(overrides: { channel?: string; fallbackChannel?: string; channelAttempts?: number; attempts?: number } = {}) {
  const attempts: DeliveryAttempt[] = Array.from({ length: overrides.attempts ?? 0 }, (_, i) => ({
    attempt: i + 1,
    at,
    channel: overrides.channel ?? 'webhook',
    outcome: 'failed',
    durationMs: 5,
  }));
  return {
    _id: 'n-1',
    channel: overrides.channel ?? 'webhook',
    fallbackChannel: overrides.fallbackChannel,
    channelAttempts: overrides.channelAttempts ?? attempts.length,
    attempts,
    sourceEventId: 'e-1',
    sourceEventType: 'careloop.resource-directory.ReferralStatusChanged.v1',
    clientId: 'c-1',
    recipientKind: 'partner',
    recipientRef: 'sub-1',
  };
}

describe('deliveryOutcome', () => {
  it('marks a success delivered with NotificationDelivered for that attempt', () => {
    const out = deliveryOutcome(notification({ attempts: 1 }), { ok: true }, at, 12.4);
    expect(out.set).toMatchObject({ status: 'delivered', nextAttemptAt: null, deliveredAt: at, channelAttempts: 2 });
    expect(out.attempt).toEqual({ attempt: 2, at, channel: 'webhook', outcome: 'delivered', durationMs: 12 });
    expect(out.event).toEqual({
      kind: 'delivered',
      data: {
        notificationId: 'n-1',
        sourceEventId: 'e-1',
        sourceEventType: 'careloop.resource-directory.ReferralStatusChanged.v1',
        clientId: 'c-1',
        channel: 'webhook',
        recipientKind: 'partner',
        recipientRef: 'sub-1',
        attempt: 2,
        at: at.toISOString(),
      },
    });
  });

  it('schedules a retryable failure with the policy backoff and a non-final NotificationFailed', () => {
    const out = deliveryOutcome(notification(), { ok: false, failure: { kind: 'http', status: 500 } }, at, 3, { random: midpoint });
    expect(out.set.status).toBe('pending');
    // webhook: base 2 minutes, no jitter at the midpoint.
    expect(out.set.nextAttemptAt).toEqual(new Date(at.getTime() + 120_000));
    expect(out.attempt).toMatchObject({ outcome: 'failed', failure: 'http-500', retried: true });
    expect(out.event).toMatchObject({ kind: 'failed', data: { reason: 'http-500', final: false, attempt: 1 } });
  });

  it('honours Retry-After when it asks for longer than the backoff', () => {
    const out = deliveryOutcome(notification(), { ok: false, failure: { kind: 'http', status: 429, retryAfterSeconds: 600 } }, at, 3, {
      random: midpoint,
    });
    expect(out.set.nextAttemptAt).toEqual(new Date(at.getTime() + 600_000));
  });

  it('scales the delays when a base delay override is configured', () => {
    const out = deliveryOutcome(notification(), { ok: false, failure: { kind: 'timeout' } }, at, 3, { random: midpoint, baseDelayMs: 200 });
    expect(out.set.nextAttemptAt).toEqual(new Date(at.getTime() + 200));
  });

  it('fails for good when the policy gives up, with the reason kept on the notification', () => {
    const exhausted = deliveryOutcome(notification({ attempts: 5 }), { ok: false, failure: { kind: 'http', status: 503 } }, at, 3);
    expect(exhausted.set).toMatchObject({ status: 'failed', nextAttemptAt: null, failedAt: at, finalReason: 'retries-exhausted' });
    expect(exhausted.attempt).toMatchObject({ attempt: 6, retried: false });
    expect(exhausted.event).toMatchObject({ kind: 'failed', data: { reason: 'http-503', final: true, attempt: 6 } });

    const refused = deliveryOutcome(notification(), { ok: false, failure: { kind: 'http', status: 410 } }, at, 3);
    expect(refused.set).toMatchObject({ status: 'failed', finalReason: 'not-retryable' });
  });

  it('moves to the fallback channel once the first one fails for good, and only once', () => {
    const sms = notification({ channel: 'sms', fallbackChannel: 'email' });
    const moved = deliveryOutcome(sms, { ok: false, failure: { kind: 'refused', reason: 'sms-not-configured' } }, at, 1);
    expect(moved.set).toEqual({ status: 'pending', channel: 'email', channelAttempts: 0, nextAttemptAt: at });
    expect(moved.event).toMatchObject({ kind: 'failed', data: { channel: 'sms', reason: 'sms-not-configured', final: false } });

    const onFallback = { ...notification({ channel: 'email', fallbackChannel: 'email', channelAttempts: 0, attempts: 1 }) };
    const final = deliveryOutcome(onFallback, { ok: false, failure: { kind: 'smtp', code: 550 } }, at, 1);
    expect(final.set).toMatchObject({ status: 'failed', finalReason: 'not-retryable' });
    expect(final.event).toMatchObject({ data: { channel: 'email', reason: 'smtp-550', final: true, attempt: 2 } });
  });

  it('retries a transient SMTP reply but not a permanent one', () => {
    const email = notification({ channel: 'email' });
    expect(deliveryOutcome(email, { ok: false, failure: { kind: 'smtp', code: 451 } }, at, 1).set.status).toBe('pending');
    expect(deliveryOutcome(email, { ok: false, failure: { kind: 'smtp', code: 550 } }, at, 1).set.status).toBe('failed');
  });
});
