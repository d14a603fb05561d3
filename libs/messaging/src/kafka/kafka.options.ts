import { KafkaOptions, Transport } from '@nestjs/microservices';
import { Logger } from '@nestjs/common';
import { Kafka, KafkaConfig, logCreator, logLevel } from 'kafkajs';

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

/**
 * kafkajs logs through our logger (JSON, correlation ids) instead of the console. Its retried, harmless coordinator
 * errors ("coordinator is loading") arrive at ERROR; they are reported as warnings, since kafkajs retries them itself.
 */
const kafkaLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    const { message, broker, error } = log as { message: string; broker?: string; error?: string };
    const line = [message, broker && `broker=${broker}`, error && `error=${error}`].filter(Boolean).join(' ');
    if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(line);
    else logger.debug(line);
  };
};

function clientConfig(settings: KafkaSettings, role: string): KafkaConfig {
  return {
    clientId: `${settings.service}-${role}`,
    brokers: brokerList(settings.brokers),
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator,
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
