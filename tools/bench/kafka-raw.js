'use strict';
/**
 * Kafka baseline: an idempotent producer (acks=all) and an eachBatch consumer on a fresh
 * 3-partition topic, no framework in between. What the platform's event paths can at best reach.
 *
 *   node tools/bench/kafka-raw.js [--messages=20000] [--batch=500] [--paced-messages=2000] [--paced-rate=1000]
 *
 * Phases: (1) burst: send --messages as fast as sendBatch allows while a consumer reads them;
 * produce rate and end-to-end latency under that load (mostly queueing: the consumer trails a
 * producer going flat out). (2) drain: a new consumer group reads the same messages from the
 * start; consume rate. (3) paced: --paced-messages at --paced-rate msg/s; end-to-end latency
 * when nothing queues, the figure to compare the platform's event paths with.
 */
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const { performance } = require('node:perf_hooks');
const { Kafka, logLevel } = require('kafkajs');
const { createLatencyHistogram, latencyRows, recordMs } = require('./lib/histogram');
const { log, runStandalone } = require('./lib/harness');

const name = 'kafka-raw';
const defaults = { messages: 20000, batch: 500, 'paced-messages': 2000, 'paced-rate': 1000 };
const MESSAGE_BYTES = 300;
const KEYS = 1000;
// Each wait is bounded, so a broker that stops answering ends the run with an error, not a hang.
const WAIT_MS = 120_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function message(phase, seq) {
  const key = `client-${String((seq * 7919) % KEYS).padStart(4, '0')}`;
  // `t` is read by the consumer in this same process, so performance.now() is a shared clock.
  const head = JSON.stringify({ phase, seq, t: performance.now(), pad: '' });
  const value = head.replace('"pad":""', `"pad":"${'x'.repeat(Math.max(0, MESSAGE_BYTES - head.length))}"`);
  return { key, value };
}

async function waitFor(predicate, what) {
  const deadline = Date.now() + WAIT_MS;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}`);
    await sleep(5);
  }
}

async function startConsumer(kafka, topic, groupId, eachBatch) {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 3_000, maxWaitTimeInMs: 500 });
  let joinedAt = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    joinedAt = performance.now();
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachBatch });
  await waitFor(() => joinedAt > 0, `consumer group ${groupId} to join`);
  return { consumer, joinedAt };
}

async function run({ env, options }) {
  const { ensureTopics } = require('../infra');
  const brokers = env.KAFKA_BROKERS.split(',').map((b) => b.trim());
  if (!brokers.every((b) => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+$/.test(b))) {
    throw new Error(`benchmarks run against loopback brokers only, not ${env.KAFKA_BROKERS}`);
  }
  const total = options.messages;
  const paced = options['paced-messages'];
  const runId = `${Date.now()}-${process.pid}`;
  const topic = `bench.kafka-raw.${runId}`;
  const kafka = new Kafka({
    clientId: 'bench-kafka-raw',
    brokers,
    logLevel: process.env.BENCH_VERBOSE ? logLevel.INFO : logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const consumers = [];
  const producer = kafka.producer({ idempotent: true, allowAutoTopicCreation: false });

  try {
    await ensureTopics({ brokers: env.KAFKA_BROKERS, specs: [{ name: topic, partitions: 3, retentionMs: 3_600_000 }] });
    await admin.connect();

    const burstLatency = createLatencyHistogram();
    const pacedLatency = createLatencyHistogram();
    let burstSeen = 0;
    let pacedSeen = 0;
    const live = await startConsumer(kafka, topic, `bench-kafka-raw-live-${runId}`, async ({ batch }) => {
        const now = performance.now();
        for (const m of batch.messages) {
          const { phase, t } = JSON.parse(m.value.toString());
          if (phase === 'burst') {
            recordMs(burstLatency, now - t);
            burstSeen += 1;
          } else {
            recordMs(pacedLatency, now - t);
            pacedSeen += 1;
          }
        }
    });
    consumers.push(live.consumer);
    await producer.connect();

    log(`kafka-raw: burst of ${total} messages in batches of ${options.batch}`);
    const produceStart = performance.now();
    for (let sent = 0; sent < total; sent += options.batch) {
      const count = Math.min(options.batch, total - sent);
      const messages = Array.from({ length: count }, (_, i) => message('burst', sent + i));
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
    }
    const produceMs = performance.now() - produceStart;
    await waitFor(() => burstSeen >= total, `${total} burst messages (have ${burstSeen})`);

    log('kafka-raw: drain by a new consumer group');
    let drained = 0;
    let drainEnd = 0;
    // Timed from the group join (offsets fetched, fetching starts) to the last message: the join
    // itself is a fixed cost that has nothing to do with throughput.
    const drain = await startConsumer(kafka, topic, `bench-kafka-raw-drain-${runId}`, async ({ batch }) => {
      drained += batch.messages.length;
      if (drained >= total && drainEnd === 0) drainEnd = performance.now();
    });
    consumers.push(drain.consumer);
    await waitFor(() => drainEnd > 0, `the drain of ${total} messages (have ${drained})`);
    await drain.consumer.disconnect();
    const consumeRate = (total * 1000) / (drainEnd - drain.joinedAt);

    log(`kafka-raw: ${paced} paced messages at ${options['paced-rate']} msg/s`);
    const tick = 10;
    const perTick = Math.max(1, Math.round((options['paced-rate'] * tick) / 1000));
    const pacedStart = performance.now();
    for (let sent = 0; sent < paced; sent += perTick) {
      const count = Math.min(perTick, paced - sent);
      const messages = Array.from({ length: count }, (_, i) => message('paced', sent + i));
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
      const due = pacedStart + ((sent + count) * 1000) / options['paced-rate'];
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
    }
    await waitFor(() => pacedSeen >= paced, `${paced} paced messages (have ${pacedSeen})`);

    if (burstSeen !== total || pacedSeen !== paced) {
      throw new Error(`consumed ${burstSeen}/${total} burst and ${pacedSeen}/${paced} paced messages: duplicates`);
    }
    return {
      name,
      rows: [
        { metric: 'produce (idempotent, acks=all, sendBatch)', value: Math.round((total * 1000) / produceMs), unit: 'msg/s' },
        { metric: 'consume (eachBatch, backlog drain)', value: Math.round(consumeRate), unit: 'msg/s' },
        ...latencyRows(burstLatency, 'end-to-end under burst'),
        ...latencyRows(pacedLatency, `end-to-end at ${options['paced-rate']} msg/s`),
      ],
    };
  } finally {
    await Promise.allSettled(consumers.map((c) => c.disconnect()));
    await producer.disconnect().catch(() => undefined);
    // Topics of past runs would pile up on a reused dev broker.
    await admin.deleteTopics({ topics: [topic], timeout: 10_000 }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/** Generous upper bound on a healthy run, for the watchdog. */
const hardLimitMs = (options) => 60_000 + options.messages + (options['paced-messages'] * 1000) / options['paced-rate'];

module.exports = { name, needs: ['kafka'], defaults, hardLimitMs, run };

if (require.main === module) runStandalone(module.exports);
