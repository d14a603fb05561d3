import { smtpFailure } from './email.channel';
import { failureCode, parseRetryAfter } from './notification-channel';

describe('failure codes', () => {
  it('names what happened without any server text', () => {
    expect(failureCode({ kind: 'http', status: 503 })).toBe('http-503');
    expect(failureCode({ kind: 'smtp', code: 550 })).toBe('smtp-550');
    expect(failureCode({ kind: 'timeout' })).toBe('timeout');
    expect(failureCode({ kind: 'network' })).toBe('network');
    expect(failureCode({ kind: 'refused', reason: 'sms-not-configured' })).toBe('sms-not-configured');
  });

  it('reads SMTP errors by their codes only', () => {
    expect(smtpFailure(Object.assign(new Error('550 <someone@example.test> unknown'), { responseCode: 550, code: 'EENVELOPE' }))).toEqual({
      kind: 'smtp',
      code: 550,
    });
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }))).toEqual({ kind: 'timeout' });
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'EENVELOPE' }))).toEqual({ kind: 'refused', reason: 'invalid-address' });
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'ECONNECTION' }))).toEqual({ kind: 'network' });
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-02T10:00:00.000Z');

  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
