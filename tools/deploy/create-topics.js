#!/usr/bin/env node
// Creates every catalog topic that is missing, and grows partitions that the catalog raised.
// Compose runs it once before the services start (`topic-init`), because the broker does not create
// topics on its own and a Nest consumer refuses to start on a topic that does not exist.
// Environment: KAFKA_BROKERS (required), KAFKA_TOPIC_PREFIX, TOPIC_REPLICATION_FACTOR (1),
// TOPIC_MIN_INSYNC_REPLICAS (1), TOPIC_INIT_TIMEOUT_MS (120000).
const { Kafka, logLevel } = require('kafkajs');
const { loadTopicSpecs } = require('./topic-catalog');

function intFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function ensureTopics(admin, specs, { replicationFactor, minInsyncReplicas }) {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.name));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({
        topic: spec.name,
        numPartitions: spec.partitions,
        replicationFactor,
        configEntries: [
          { name: 'retention.ms', value: String(spec.retentionMs) },
          { name: 'min.insync.replicas', value: String(minInsyncReplicas) },
        ],
      })),
    });
  }
  const present = specs.filter((spec) => existing.has(spec.name));
  const grown = [];
  if (present.length > 0) {
    const { topics } = await admin.fetchTopicMetadata({ topics: present.map((spec) => spec.name) });
    const partitionsOf = new Map(topics.map((topic) => [topic.name, topic.partitions.length]));
    const toGrow = present.filter((spec) => partitionsOf.get(spec.name) < spec.partitions);
    if (toGrow.length > 0) {
      await admin.createPartitions({ topicPartitions: toGrow.map((spec) => ({ topic: spec.name, count: spec.partitions })) });
      grown.push(...toGrow.map((spec) => spec.name));
    }
  }
  return { created: missing.map((spec) => spec.name), grown, unchanged: present.length - grown.length };
}

async function main() {
  const brokers = (process.env.KAFKA_BROKERS || '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is required');
  const prefix = process.env.KAFKA_TOPIC_PREFIX || '';
  const options = {
    replicationFactor: intFromEnv('TOPIC_REPLICATION_FACTOR', 1),
    minInsyncReplicas: intFromEnv('TOPIC_MIN_INSYNC_REPLICAS', 1),
  };
  const deadline = Date.now() + intFromEnv('TOPIC_INIT_TIMEOUT_MS', 120000);
  const specs = loadTopicSpecs().map((spec) => ({ ...spec, name: `${prefix}${spec.name}` }));

  const kafka = new Kafka({ clientId: 'careloop-topic-init', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  // A broker that just came up can answer metadata while refusing creation (UNKNOWN_TOPIC_OR_PARTITION):
  // list-then-create is idempotent, so retry the whole step until the deadline.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.connect();
      const result = await ensureTopics(admin, specs, options);
      process.stdout.write(
        `topic-init: ${specs.length} catalog topics; created ${result.created.length}, grew ${result.grown.length}, ` +
          `already present ${result.unchanged}\n`,
      );
      await admin.disconnect();
      return;
    } catch (error) {
      await admin.disconnect().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      process.stderr.write(`topic-init: attempt ${attempt} failed (${error.message}); retrying\n`);
      await sleep(Math.min(500 * attempt, 5000));
    }
  }
}

module.exports = { ensureTopics };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`topic-init: giving up: ${error.message || error}\n`);
    process.exit(1);
  });
}
