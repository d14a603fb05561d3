import { validateEnv } from '@careloop/observability';
import { NotificationEnv } from './notification.env';

const base = {
  PORT: '3004',
  SERVICE_NAME: 'notification',
  KAFKA_BROKERS: '127.0.0.1:9092',
  MONGODB_URI: 'mongodb://127.0.0.1:27017',
  AUTH_DEV_SECRET: 'x'.repeat(40),
  SMTP_URL: 'smtp://127.0.0.1:1025',
};

describe('NotificationEnv', () => {
  it('applies safe defaults', () => {
    const env = validateEnv(NotificationEnv, base);
    expect(env).toMatchObject({
      WEBHOOK_ALLOW_PRIVATE_TARGETS: false,
      WEBHOOK_SECRET_GRACE_HOURS: 24,
      WEBHOOK_TIMEOUT_MS: 10_000,
      NOTIFICATION_DISPATCH_ENABLED: true,
    });
    expect(env.SMS_GATEWAY_URL).toBeUndefined();
    expect(env.NOTIFICATION_RETRY_BASE_DELAY_MS).toBeUndefined();
  });

  it('reads numbers and booleans from strings ("false" is false)', () => {
    const env = validateEnv(NotificationEnv, {
      ...base,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      NOTIFICATION_DISPATCH_ENABLED: 'false',
      WEBHOOK_SECRET_GRACE_HOURS: '2',
      NOTIFICATION_RETRY_BASE_DELAY_MS: '250',
    });
    expect(env).toMatchObject({
      WEBHOOK_ALLOW_PRIVATE_TARGETS: true,
      NOTIFICATION_DISPATCH_ENABLED: false,
      WEBHOOK_SECRET_GRACE_HOURS: 2,
      NOTIFICATION_RETRY_BASE_DELAY_MS: 250,
    });
  });

  it('fails fast on a missing SMTP URL or a gateway without its token, never echoing values', () => {
    const { SMTP_URL: _omitted, ...withoutSmtp } = base;
    expect(() => validateEnv(NotificationEnv, withoutSmtp)).toThrow(/SMTP_URL: is required/);
    expect(() => validateEnv(NotificationEnv, { ...base, SMS_GATEWAY_URL: 'https://sms.example.test/send' })).toThrow(/SMS_GATEWAY_TOKEN/);
    expect(() => validateEnv(NotificationEnv, { ...base, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'maybe' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_TARGETS/,
    );
    let message = '';
    try {
      validateEnv(NotificationEnv, { ...base, SMTP_URL: 'http://secret-host.example' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('SMTP_URL');
    expect(message).not.toContain('secret-host');
  });
});
