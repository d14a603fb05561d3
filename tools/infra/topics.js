'use strict';
// Topic provisioning: idempotent, and retried, because right after a broker (re)start createTopics can
// fail with UNKNOWN_TOPIC_OR_PARTITION even for a topic that exists (seen on every restart, INFRA.md).
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');
const { repoRoot } = require('./lib/paths');
const { sleep } = require('./lib/provision');

/**
 * Ensures every `specs` topic exists as `<prefix><name>` with at least its partitions, every partition led.
 * specs: [{ name, partitions, retentionMs }]
 */
async function ensureTopics({ brokers, prefix = '', specs, timeoutMs = 120000, log = () => {} }) {
  const wanted = specs.map((spec) => ({ ...spec, topic: `${prefix}${spec.name}` }));
  if (wanted.length === 0) return;
  const kafka = new Kafka({
    clientId: 'careloop-infra-topics',
    brokers: String(brokers).split(',').map((b) => b.trim()).filter(Boolean),
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  });
  const admin = kafka.admin();
  const deadline = Date.now() + timeoutMs;
  let backoff = 250;
  let attempt = 0;
  try {
    for (;;) {
      attempt += 1;
      try {
        await admin.connect();
        const existing = new Set(await admin.listTopics());
        const missing = wanted.filter((t) => !existing.has(t.topic));
        if (missing.length > 0) {
          await admin.createTopics({
            // kafkajs' own wait for leaders fails on UNKNOWN_TOPIC_OR_PARTITION while the new topics
            // propagate; the metadata check below waits instead.
            waitForLeaders: false,
            timeout: 15000,
            topics: missing.map((t) => ({
              topic: t.topic,
              numPartitions: t.partitions,
              replicationFactor: 1,
              configEntries: [{ name: 'retention.ms', value: String(t.retentionMs) }],
            })),
          });
          log(`kafka: created ${missing.length} topic(s)${prefix ? ` with prefix ${prefix}` : ''}`);
        }
        const { topics } = await admin.fetchTopicMetadata({ topics: wanted.map((t) => t.topic) });
        const byName = new Map(topics.map((t) => [t.name, t.partitions]));
        const grow = [];
        const notReady = [];
        for (const t of wanted) {
          const partitions = byName.get(t.topic) || [];
          if (partitions.length === 0 || partitions.some((p) => p.leader < 0)) notReady.push(t.topic);
          else if (partitions.length < t.partitions) grow.push({ topic: t.topic, count: t.partitions });
        }
        if (grow.length > 0) {
          // The catalog asks for more partitions than an older topic has: partitions can only grow.
          await admin.createPartitions({ topicPartitions: grow });
          log(`kafka: added partitions to ${grow.map((g) => g.topic).join(', ')}`);
          continue;
        }
        if (notReady.length > 0) throw new Error(`topics without leaders yet: ${notReady.slice(0, 5).join(', ')}`);
        if (attempt > 1) log(`kafka: topics verified after ${attempt} attempts`);
        return;
      } catch (err) {
        if (Date.now() > deadline) {
          throw new Error(`ensureTopics on ${brokers} failed after ${attempt} attempts: ${err.message}`);
        }
        await admin.disconnect().catch(() => {});
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 3000);
      }
    }
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

let catalogCache;

/**
 * Every event topic and its `.dlq`, from the TypeScript catalog in libs/contracts. Loaded in a child
 * process so that registering the TypeScript loader never touches the caller (e.g. jest's own process).
 */
function loadTopicSpecs() {
  if (!catalogCache) {
    const script = `require('@swc-node/register');
      const { topicSpecs } = require(${JSON.stringify(path.join(repoRoot, 'libs/contracts/src/index.ts'))});
      process.stdout.write(JSON.stringify(topicSpecs()));`;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: repoRoot,
      env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT || path.join(repoRoot, 'tsconfig.base.json') },
      encoding: 'utf8',
    });
    catalogCache = JSON.parse(out);
  }
  return catalogCache;
}

/** ensureTopics for the whole catalog. */
function ensureCatalogTopics({ brokers, prefix = '', log }) {
  return ensureTopics({ brokers, prefix, specs: loadTopicSpecs(), log });
}

module.exports = { ensureTopics, loadTopicSpecs, ensureCatalogTopics };
