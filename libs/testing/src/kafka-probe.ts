import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, KafkaMessage, logLevel } from 'kafkajs';

export interface ReceivedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

function toRecord(topic: string, partition: number, m: KafkaMessage): ReceivedRecord {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.map(String).join(',') : String(v);
  }
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key?.toString() ?? null,
    value: m.value?.toString() ?? null,
    headers,
  };
}

export function testKafka(): Kafka {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
  return new Kafka({ clientId: `test-${randomUUID().slice(0, 8)}`, brokers, logLevel: logLevel.NOTHING });
}

/**
 * Reads what really landed on topics, from the beginning, with its own consumer group: tests assert on the broker,
 * not on what the code under test believes it sent.
 */
export class TopicRecorder {
  readonly records: ReceivedRecord[] = [];
  private consumer: Consumer | undefined;

  constructor(private readonly topics: string[]) {}

  async start(): Promise<this> {
    this.consumer = testKafka().consumer({ groupId: `recorder-${randomUUID()}`, sessionTimeout: 10_000 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.records.push(toRecord(topic, partition, message));
      },
    });
    return this;
  }

  on(topic: string): ReceivedRecord[] {
    return this.records.filter((r) => r.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** Polls until the assertion passes or the time is up (then rethrows its last failure). */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await assertion();
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
  throw lastError;
}

/**
 * Creates topics for tests that use topics outside the catalog, then waits until the broker serves their metadata.
 * On a fresh broker `createTopics({ waitForLeaders: true })` reports UNKNOWN_TOPIC_OR_PARTITION for a topic it has just
 * created, so creation does not wait and the metadata check is retried instead.
 */
export async function createTestTopics(names: string[], partitions = 3): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = names.filter((n) => !existing.has(n));
    if (missing.length) {
      await admin
        .createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })), waitForLeaders: false })
        .catch((err: { type?: string }) => {
          if (err.type !== 'TOPIC_ALREADY_EXISTS') throw err;
        });
    }
    await eventually(async () => {
      const { topics } = await admin.fetchTopicMetadata({ topics: names });
      for (const t of topics) {
        if (t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0)) throw new Error(`${t.name} has no leader yet`);
      }
    }, 30_000, 250);
  } finally {
    await admin.disconnect();
  }
}
