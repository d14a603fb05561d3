'use strict';
/**
 * The care loop, end to end, on the four real services (started as processes, as `npm start` runs them) against the
 * local infrastructure: N clients' journeys, `concurrency` at a time, each from its first assessment POST to its last
 * notification delivered (care team email, client email, partner webhook), observed over the public APIs.
 *
 *   node tools/bench/care-loop.js [--journeys=20] [--concurrency=4]
 *
 * Latency includes the APIs' polling by the journey (every 150 ms), so it is an upper bound of the platform's own.
 */
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { createLatencyHistogram, latencyRows, recordMs } = require('./lib/histogram');
const { log, runStandalone } = require('./lib/harness');
const { journey } = require('../../apps/e2e/src/journey/journey.js');
const { startPlatform } = require('../../apps/e2e/src/journey/platform.js');
const { mint } = require('../scripts/dev-token.js');
const { ensureCatalogTopics } = require('../infra');

const name = 'care-loop';
const defaults = { journeys: 20, concurrency: 4 };
const SECRET = 'bench-only-secret-not-for-any-real-deployment-000';

async function run({ env, options }) {
  const prefix = `bench${process.pid}.`;
  const dbPrefix = `bench${process.pid}_`;
  await ensureCatalogTopics({ brokers: env.KAFKA_BROKERS, prefix, log: () => undefined });
  const platform = await startPlatform({
    env: {
      KAFKA_BROKERS: env.KAFKA_BROKERS,
      MONGODB_URI: env.MONGODB_URI,
      SMTP_URL: env.SMTP_URL,
      KAFKA_TOPIC_PREFIX: prefix,
      MONGODB_DB_PREFIX: dbPrefix,
      AUTH_DEV_SECRET: SECRET,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    },
  });
  const partner = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise((resolve) => partner.listen(0, '127.0.0.1', resolve));
  try {
    const flow = journey({
      urls: platform.urls,
      expectPartner: true,
      token: ({ roles, sub, org, partner: p }) => mint({ secret: SECRET, roles, tenant: 'bench-tenant', sub, org, partner: p, ttl: '2h' }),
    });
    await flow.prepare({ webhookUrl: `http://127.0.0.1:${partner.address().port}/events` });
    log(`care-loop: ${options.journeys} journeys, ${options.concurrency} at a time`);
    const latency = createLatencyHistogram();
    let next = 0;
    let failures = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < options.journeys) {
        next += 1;
        try {
          const result = await flow.run({ timeoutMs: 120_000 });
          recordMs(latency, result.latencyMs);
        } catch (err) {
          failures += 1;
          log(`journey failed: ${err.message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const elapsedS = (performance.now() - started) / 1000;
    return {
      name,
      rows: [
        { metric: `journeys completed (of ${options.journeys}, ${options.concurrency} concurrent)`, value: latency.totalCount, unit: '' },
        { metric: 'journeys failed', value: failures, unit: '' },
        { metric: 'throughput', value: Math.round((latency.totalCount / elapsedS) * 100) / 100, unit: 'journeys/s' },
        ...latencyRows(latency, 'assessment -> last notification'),
      ],
    };
  } finally {
    partner.close();
    await platform.stop();
  }
}

const hardLimitMs = (options) => 300_000 + options.journeys * 60_000;

module.exports = { name, needs: ['kafka', 'mongo', 'smtp'], defaults, hardLimitMs, run };

if (require.main === module) runStandalone(module.exports);
