import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { KafkaContext } from '@nestjs/microservices';
import { EventDefinition, EventEnvelope, decodeEvent, deadLetterTopicOf, fromKafkaRecord } from '@careloop/contracts';
import { MetricsRegistry, RequestContext } from '@careloop/observability';
import { isDuplicateKeyError } from '@careloop/persistence';
import { backOff } from 'exponential-backoff';
import { IHeaders } from 'kafkajs';
import { Model } from 'mongoose';
import { z } from 'zod';
import { KafkaProducer } from '../kafka/kafka-producer.service';
import { catalogTopicOf, topicName } from '../kafka/topic-name';
import { PROCESSED_EVENT_MODEL, ProcessedEvent } from './processed-event.schema';
import { describeFailure, isPermanentFailure } from './safe-error';

export interface ReliableConsumerOptions {
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const RELIABLE_CONSUMER_OPTIONS = Symbol.for('careloop.reliable-consumer-options');

export type HandleOutcome = 'handled' | 'duplicate' | 'dead-lettered';

/** Headers added to a dead-lettered message, beside all of the original ones. */
export const DLQ_HEADERS = {
  reason: 'x-dlq-reason',
  handler: 'x-dlq-handler',
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  attempts: 'x-dlq-attempts',
  failedAt: 'x-dlq-failed-at',
} as const;

interface RawMessage {
  key?: string | Buffer | null;
  value: unknown;
  headers?: Record<string, string | Buffer | undefined>;
  offset: string;
}

/**
 * Runs a message handler so that one message can never block its partition and one event has one effect:
 * - the envelope and payload are validated against the catalog; a message that breaks them goes straight to `<topic>.dlq`;
 * - an event already recorded as processed by this handler is skipped (inbox keyed by `<handler>:<eventId>`);
 * - the handler runs in the event's correlation context, retried with exponential backoff a bounded number of times;
 * - when it keeps failing, the original message (value and headers) goes to `<topic>.dlq` with the reason, and the
 *   offset moves on.
 * It only throws when even the dead-letter publish fails: then redelivery is the only safe option.
 */
@Injectable()
export class ReliableConsumer {
  private readonly logger = new Logger(ReliableConsumer.name);
  private readonly outcomes;

  constructor(
    @InjectModel(PROCESSED_EVENT_MODEL) private readonly processed: Model<ProcessedEvent>,
    private readonly producer: KafkaProducer,
    @Inject(RELIABLE_CONSUMER_OPTIONS) private readonly options: ReliableConsumerOptions,
    metrics: MetricsRegistry,
  ) {
    this.outcomes = metrics.counter('consumer_messages_total', 'Messages handled, by outcome', ['topic', 'handler', 'outcome']);
  }

  async handle<S extends z.ZodType>(
    context: KafkaContext,
    def: EventDefinition<S>,
    handler: string,
    fn: (event: EventEnvelope<z.infer<S>>) => Promise<void>,
  ): Promise<HandleOutcome> {
    const message = context.getMessage() as unknown as RawMessage;
    const topic = context.getTopic();
    const partition = context.getPartition();
    const catalogTopic = catalogTopicOf(topic);
    const count = (outcome: HandleOutcome): HandleOutcome => {
      this.outcomes.inc({ topic: catalogTopic, handler, outcome });
      return outcome;
    };

    let event: EventEnvelope<z.infer<S>>;
    try {
      event = decodeEvent(def, fromKafkaRecord({ key: message.key, value: message.value, headers: message.headers ?? {} }));
    } catch (err) {
      await this.deadLetter(message, topic, partition, handler, err, 0);
      return count('dead-lettered');
    }

    const inboxId = `${handler}:${event.id}`;
    if (await this.processed.exists({ _id: inboxId, tenantId: event.tenantid })) return count('duplicate');

    let attempts = 0;
    try {
      await backOff(
        async () => {
          attempts += 1;
          await RequestContext.run(
            { correlationId: event.correlationid, causationId: event.id, tenantId: event.tenantid },
            () => fn(event),
          );
        },
        {
          numOfAttempts: this.options.maxAttempts,
          startingDelay: this.options.initialDelayMs,
          maxDelay: this.options.maxDelayMs,
          jitter: 'full',
          retry: async (err: unknown) => {
            if (isPermanentFailure(err)) return false;
            this.logger.warn(`handler ${handler} failed (attempt ${attempts}): ${describeFailure(err)}`);
            // Keep the group membership alive while backing off.
            await context.getHeartbeat()().catch(() => undefined);
            return true;
          },
        },
      );
    } catch (err) {
      await this.deadLetter(message, topic, partition, handler, err, attempts);
      return count('dead-lettered');
    }

    try {
      await this.processed.create({
        _id: inboxId,
        tenantId: event.tenantid,
        handler,
        eventId: event.id,
        eventType: event.type,
        topic: catalogTopic,
        partition,
        offset: message.offset,
        processedAt: new Date(),
      });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    return count('handled');
  }

  private async deadLetter(
    message: RawMessage,
    topic: string,
    partition: number,
    handler: string,
    err: unknown,
    attempts: number,
  ): Promise<void> {
    const reason = describeFailure(err);
    this.logger.error(`dead-lettering offset ${message.offset} of ${topic}[${partition}] for ${handler}: ${reason}`);
    const headers: IHeaders = { ...(message.headers ?? {}) };
    headers[DLQ_HEADERS.reason] = reason;
    headers[DLQ_HEADERS.handler] = handler;
    headers[DLQ_HEADERS.originalTopic] = catalogTopicOf(topic);
    headers[DLQ_HEADERS.originalPartition] = String(partition);
    headers[DLQ_HEADERS.originalOffset] = message.offset;
    headers[DLQ_HEADERS.attempts] = String(attempts);
    headers[DLQ_HEADERS.failedAt] = new Date().toISOString();
    const value =
      message.value === null || message.value === undefined
        ? null
        : Buffer.isBuffer(message.value)
          ? message.value
          : typeof message.value === 'string'
            ? message.value
            : JSON.stringify(message.value);
    const key = message.key === null || message.key === undefined ? '' : String(message.key);
    await this.producer.send(topicName(deadLetterTopicOf(catalogTopicOf(topic))), [{ key, value, headers }]);
  }
}
