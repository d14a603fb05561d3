import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf } from '@careloop/contracts';
import { IHeaders, Kafka } from 'kafkajs';
import { DLQ_HEADERS } from './reliable-consumer.service';

/** What may be shown about a dead letter: where it came from and why, never its payload. */
export interface DeadLetterSummary {
  readonly dlqOffset: string;
  readonly key: string | null;
  readonly eventId?: string;
  readonly eventType?: string;
  readonly handler?: string;
  readonly reason?: string;
  readonly originalPartition?: string;
  readonly originalOffset?: string;
  readonly failedAt?: string;
}

interface DeadLetter extends DeadLetterSummary {
  readonly value: Buffer | null;
  readonly headers: IHeaders;
}

const DLQ_HEADER_NAMES: ReadonlySet<string> = new Set(Object.values(DLQ_HEADERS));

function headerText(headers: IHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map(String).join(',') : value.toString();
}

/**
 * Operations on `<topic>.dlq`: list what is there (metadata and reasons only) and replay chosen dead letters to the
 * original topic with their original headers. Replaying is safe: consumers are idempotent by event id, so a letter
 * whose event was meanwhile handled has no second effect.
 */
export class DeadLetterReplayer {
  constructor(
    private readonly kafka: Kafka,
    private readonly topicPrefix = '',
  ) {}

  async list(catalogTopic: string): Promise<DeadLetterSummary[]> {
    return (await this.read(catalogTopic)).map(({ value: _value, headers: _headers, ...summary }) => summary);
  }

  /** Re-publishes the dead letters at the given DLQ offsets (all when none given); returns how many. */
  async replay(catalogTopic: string, offsets?: readonly string[]): Promise<number> {
    const wanted = offsets ? new Set(offsets) : undefined;
    const letters = (await this.read(catalogTopic)).filter((l) => !wanted || wanted.has(l.dlqOffset));
    if (letters.length === 0) return 0;
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({
        topic: `${this.topicPrefix}${catalogTopic}`,
        acks: -1,
        messages: letters.map((l) => ({
          key: l.key,
          value: l.value,
          headers: Object.fromEntries(Object.entries(l.headers).filter(([name]) => !DLQ_HEADER_NAMES.has(name))),
        })),
      });
    } finally {
      await producer.disconnect();
    }
    return letters.length;
  }

  /** Reads the whole DLQ (from the start to the current end) with a throw-away consumer group. */
  private async read(catalogTopic: string): Promise<DeadLetter[]> {
    const topic = `${this.topicPrefix}${deadLetterTopicOf(catalogTopic)}`;
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
    const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
    const letters: DeadLetter[] = [];
    if (remaining.size === 0) return letters;

    const consumer = this.kafka.consumer({ groupId: `dlq-inspect-${randomUUID()}`, sessionTimeout: 10_000 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out reading ${topic}`)), 60_000);
        consumer
          .run({
            eachMessage: async ({ partition, message }) => {
              const headers = message.headers ?? {};
              letters.push({
                dlqOffset: `${partition}:${message.offset}`,
                key: message.key?.toString() ?? null,
                eventId: headerText(headers, 'ce_id'),
                eventType: headerText(headers, 'ce_type'),
                handler: headerText(headers, DLQ_HEADERS.handler),
                reason: headerText(headers, DLQ_HEADERS.reason),
                originalPartition: headerText(headers, DLQ_HEADERS.originalPartition),
                originalOffset: headerText(headers, DLQ_HEADERS.originalOffset),
                failedAt: headerText(headers, DLQ_HEADERS.failedAt),
                value: message.value,
                headers,
              });
              const end = remaining.get(partition);
              if (end !== undefined && Number(message.offset) + 1 >= end) remaining.delete(partition);
              if (remaining.size === 0) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return letters;
  }
}
