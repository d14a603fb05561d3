import { KafkaOptions, Transport } from '@nestjs/microservices';
import { Kafka, KafkaConfig, logLevel } from 'kafkajs';

export interface KafkaSettings {
  readonly brokers: string;
  readonly service: string;
  readonly topicPrefix: string;
}

function brokerList(brokers: string): string[] {
  return brokers
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

function clientConfig(settings: KafkaSettings, role: string): KafkaConfig {
  return {
    clientId: `${settings.service}-${role}`,
    brokers: brokerList(settings.brokers),
    // kafkajs logs retried, harmless coordinator errors at ERROR; keep its own logger at WARN and use ours for the rest.
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 300, retries: 8 },
  };
}

export function createKafkaClient(settings: KafkaSettings, role: string): Kafka {
  return new Kafka(clientConfig(settings, role));
}

/** The consumer group of a service: one per service (prefixed in tests), so each service sees every event once. */
export function consumerGroupOf(settings: KafkaSettings): string {
  return `${settings.topicPrefix}${settings.service}`;
}

/**
 * Options for the service's Kafka consumer (`app.connectMicroservice`). Offsets are committed after the handler returns;
 * handlers go through ReliableConsumer, which never throws for a bad or failing message (it dead-letters it), so one
 * message cannot block its partition.
 */
export function kafkaMicroserviceOptions(settings: KafkaSettings): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: clientConfig(settings, 'consumer'),
      consumer: {
        groupId: consumerGroupOf(settings),
        sessionTimeout: 15_000,
        heartbeatInterval: 3_000,
        allowAutoTopicCreation: false,
      },
      subscribe: { fromBeginning: true },
      run: { autoCommit: true, partitionsConsumedConcurrently: 1 },
      // Replies are not used: events only. Nest's own producer stays idle.
      producerOnlyMode: false,
      // Keep the value as the bytes received: it is validated by our envelope decoder and, when dead-lettered, forwarded as is.
      parser: { keepBinary: true },
    },
  };
}
