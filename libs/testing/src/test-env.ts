/**
 * Defaults for the environment a service needs in tests. The jest global setup provides KAFKA_BROKERS, MONGODB_URI,
 * SMTP_URL and the per-run prefixes; the rest is fixed here so every test builds the same application.
 */
export const TEST_AUTH_SECRET = 'test-only-secret-never-used-outside-tests-0123456789';

export function applyTestEnv(service: string, overrides: Record<string, string> = {}): void {
  const defaults: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: '3000',
    SERVICE_NAME: service,
    AUTH_DEV_SECRET: TEST_AUTH_SECRET,
    AUTH_ISSUER: 'careloop-dev',
    AUTH_AUDIENCE: 'careloop',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
    OUTBOX_POLL_MS: '100',
    CONSUMER_RETRY_DELAY_MS: '20',
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
  };
  for (const [k, v] of Object.entries({ ...defaults, ...overrides })) {
    if (overrides[k] !== undefined || process.env[k] === undefined || k === 'SERVICE_NAME') process.env[k] = v;
  }
  for (const required of ['KAFKA_BROKERS', 'MONGODB_URI']) {
    if (!process.env[required]) {
      throw new Error(`${required} is not set: run integration tests through their jest config (global setup starts the servers)`);
    }
  }
}
