import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { MetricsRegistry, ReadinessCheck, RegisterReadinessCheck } from '@careloop/observability';
import { Admin, Kafka } from 'kafkajs';
import { KAFKA_CLIENT, KAFKA_SETTINGS } from './kafka.tokens';
import { KafkaSettings, consumerGroupOf } from './kafka.options';
import { catalogTopicOf } from './topic-name';

/**
 * One admin connection per service, used for readiness (the broker answers a metadata call) and for the consumer-lag
 * gauge read at scrape time (committed offsets of the service's group against the partitions' high watermarks).
 */
@Injectable()
@RegisterReadinessCheck()
export class KafkaAdmin implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'kafka';
  private admin: Admin | undefined;
  private connecting: Promise<Admin> | undefined;
  private readonly groupId: string;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_SETTINGS) settings: KafkaSettings,
    metrics: MetricsRegistry,
  ) {
    this.groupId = consumerGroupOf(settings);
    const lag = async (): Promise<Array<{ topic: string; partition: number; lag: number }>> => this.consumerLag();
    metrics.gauge('kafka_consumer_lag', 'Messages not yet consumed by this service, per topic partition', ['topic', 'partition'], async function () {
      this.reset();
      for (const row of await lag().catch(() => [])) {
        this.set({ topic: catalogTopicOf(row.topic), partition: String(row.partition) }, row.lag);
      }
    });
  }

  async check(): Promise<void> {
    const admin = await this.connected();
    await admin.describeCluster();
  }

  async consumerLag(): Promise<Array<{ topic: string; partition: number; lag: number }>> {
    const admin = await this.connected();
    const committed = await admin.fetchOffsets({ groupId: this.groupId });
    const rows: Array<{ topic: string; partition: number; lag: number }> = [];
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const p of partitions) {
        const end = Number(ends.find((e) => e.partition === p.partition)?.high ?? 0);
        const at = Number(p.offset);
        rows.push({ topic, partition: p.partition, lag: at < 0 ? end : Math.max(0, end - at) });
      }
    }
    return rows;
  }

  private async connected(): Promise<Admin> {
    if (this.admin) return this.admin;
    this.connecting ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
      return admin;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }
}
