import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, IHeaders, Kafka, Partitioners, Producer } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka.tokens';

export interface ProducedRecord {
  readonly key: string;
  readonly value: string | Buffer | null;
  readonly headers: IHeaders;
}

/**
 * The service's one Kafka producer: idempotent, acks from all in-sync replicas, so a retried send neither duplicates nor
 * reorders a key's records. Connected lazily on first use and reconnected after a broker outage.
 */
@Injectable()
export class KafkaProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaProducer.name);
  private producer: Producer | undefined;
  private connecting: Promise<Producer> | undefined;

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {}

  async send(topic: string, records: readonly ProducedRecord[]): Promise<void> {
    const producer = await this.connected();
    try {
      await producer.send({
        topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: records.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
      });
    } catch (err) {
      // Drop the producer so the next call starts a fresh connection instead of reusing a broken one.
      await this.reset();
      throw err;
    }
  }

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
      return producer;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch((err: Error) => this.logger.warn(`producer disconnect failed: ${err.name}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reset();
  }
}
