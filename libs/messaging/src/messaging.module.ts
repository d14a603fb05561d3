import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { BaseEnv, ENV } from '@careloop/observability';
import { Kafka } from 'kafkajs';
import { PROCESSED_EVENT_MODEL, ProcessedEventSchema } from './consumer/processed-event.schema';
import { RELIABLE_CONSUMER_OPTIONS, ReliableConsumer, ReliableConsumerOptions } from './consumer/reliable-consumer.service';
import { KafkaAdmin } from './kafka/kafka-admin.service';
import { KafkaProducer } from './kafka/kafka-producer.service';
import { KafkaSettings, createKafkaClient } from './kafka/kafka.options';
import { KAFKA_CLIENT, KAFKA_SETTINGS } from './kafka/kafka.tokens';
import { EventFactory } from './outbox/event-factory';
import { OUTBOX_RELAY_OPTIONS, OutboxRelay, OutboxRelayOptions } from './outbox/outbox-relay.service';

export interface MessagingOptions {
  readonly service: string;
  readonly relay?: Partial<OutboxRelayOptions>;
  readonly consumer?: Partial<ReliableConsumerOptions>;
}

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * The service's event backbone: Kafka client, producer, outbox relay, reliable consumer (inbox + retries + DLQ),
 * readiness check and metrics. Global, so feature modules inject EventFactory, OutboxRelay and ReliableConsumer.
 */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [MongooseModule.forFeature([{ name: PROCESSED_EVENT_MODEL, schema: ProcessedEventSchema }])],
      providers: [
        {
          provide: KAFKA_SETTINGS,
          inject: [ENV],
          useFactory: (env: BaseEnv): KafkaSettings => ({
            brokers: env.KAFKA_BROKERS,
            service: options.service,
            topicPrefix: env.KAFKA_TOPIC_PREFIX ?? '',
          }),
        },
        {
          provide: KAFKA_CLIENT,
          inject: [KAFKA_SETTINGS],
          useFactory: (settings: KafkaSettings): Kafka => createKafkaClient(settings, 'producer'),
        },
        { provide: EventFactory, useFactory: () => new EventFactory(options.service) },
        {
          provide: OUTBOX_RELAY_OPTIONS,
          useFactory: (): OutboxRelayOptions => ({
            enabled: process.env['OUTBOX_RELAY_ENABLED'] !== 'false',
            pollIntervalMs: numberFromEnv('OUTBOX_POLL_MS', 500),
            batchSize: 100,
            leaseMs: numberFromEnv('OUTBOX_LEASE_MS', 30_000),
            ...options.relay,
          }),
        },
        {
          provide: RELIABLE_CONSUMER_OPTIONS,
          useFactory: (): ReliableConsumerOptions => ({
            maxAttempts: numberFromEnv('CONSUMER_MAX_ATTEMPTS', 4),
            initialDelayMs: numberFromEnv('CONSUMER_RETRY_DELAY_MS', 200),
            maxDelayMs: 5_000,
            ...options.consumer,
          }),
        },
        KafkaProducer,
        KafkaAdmin,
        OutboxRelay,
        ReliableConsumer,
      ],
      exports: [KAFKA_SETTINGS, KAFKA_CLIENT, EventFactory, KafkaProducer, KafkaAdmin, OutboxRelay, ReliableConsumer],
    };
  }
}
