import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { MetricsRegistry } from '@careloop/observability';
import { CROSS_TENANT } from '@careloop/persistence';
import { Connection, Model } from 'mongoose';
import { KafkaProducer } from '../kafka/kafka-producer.service';
import { topicName } from '../kafka/topic-name';
import { PollingLoop } from '../worker/polling-loop';
import { OutboxEntry, WithOutbox, hasOutbox } from './outbox.schema';

export interface OutboxRelayOptions {
  readonly enabled: boolean;
  readonly pollIntervalMs: number;
  readonly batchSize: number;
  readonly leaseMs: number;
}

export const OUTBOX_RELAY_OPTIONS = Symbol.for('careloop.outbox-relay-options');

type OutboxDoc = WithOutbox & { _id: unknown };

/**
 * Publishes what aggregates wrote into their outbox, at least once and in order per document. Any collection whose
 * schema uses `outboxPlugin` is relayed. A document is leased before publishing (one conditional update, a single
 * winner) so several replicas do not publish the same entries concurrently; a crashed replica's lease simply expires.
 * Entries are removed by id after Kafka acknowledged them; a crash in between republishes them, and consumers are
 * idempotent by event id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollingLoop;
  private readonly published;
  private readonly failures;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly producer: KafkaProducer,
    @Inject(OUTBOX_RELAY_OPTIONS) private readonly options: OutboxRelayOptions,
    metrics: MetricsRegistry,
  ) {
    this.loop = new PollingLoop(OutboxRelay.name, () => this.pass(), options.pollIntervalMs);
    this.published = metrics.counter('outbox_published_total', 'Outbox entries published to Kafka', ['collection']);
    this.failures = metrics.counter('outbox_publish_failures_total', 'Failed outbox publish passes', ['collection']);
    const models = (): Model<OutboxDoc>[] => this.outboxModels();
    metrics.gauge('outbox_backlog', 'Outbox entries waiting to be published', ['collection'], async function () {
      this.reset();
      for (const model of models()) {
        const docs = await model
          .find({ 'outbox.0': { $exists: true } }, { outbox: 1 })
          .setOptions(CROSS_TENANT)
          .lean<OutboxDoc[]>();
        const pending = docs.reduce((n, d) => n + (d.outbox?.length ?? 0), 0);
        this.set({ collection: model.collection.collectionName }, pending);
      }
    });
  }

  onApplicationBootstrap(): void {
    if (this.options.enabled) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Starts polling (and reacting to kicks). */
  start(): void {
    this.loop.start();
  }

  /** Stops polling and waits for the pass in flight; what is left in outboxes is published after the next start. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Asks for a pass now (after a write), instead of waiting for the next poll. */
  kick(): void {
    this.loop.kick();
  }

  /** One full pass over every outbox collection; resolves when everything found has been published or failed. */
  async flush(): Promise<void> {
    await this.loop.idle();
    await this.pass();
  }

  private outboxModels(): Model<OutboxDoc>[] {
    return Object.values(this.connection.models).filter((m) => hasOutbox(m.schema)) as unknown as Model<OutboxDoc>[];
  }

  private async pass(): Promise<void> {
    for (const model of this.outboxModels()) {
      const collection = model.collection.collectionName;
      try {
        const docs = await model
          .find({ 'outbox.0': { $exists: true } }, { _id: 1 })
          .limit(this.options.batchSize)
          .setOptions(CROSS_TENANT)
          .lean<OutboxDoc[]>();
        for (const doc of docs) {
          const count = await this.publishDocument(model, doc._id);
          if (count > 0) this.published.inc({ collection }, count);
        }
      } catch (err) {
        this.failures.inc({ collection });
        throw err;
      }
    }
  }

  private async publishDocument(model: Model<OutboxDoc>, id: unknown): Promise<number> {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + this.options.leaseMs);
    const claimed = await model
      .updateOne(
        { _id: id, $or: [{ outboxLeaseUntil: null }, { outboxLeaseUntil: { $lt: now } }] },
        { $set: { outboxLeaseUntil: leaseUntil } },
      )
      .setOptions(CROSS_TENANT);
    if (claimed.modifiedCount !== 1) return 0;

    try {
      const doc = await model.findOne({ _id: id }, { outbox: 1 }).setOptions(CROSS_TENANT).lean<OutboxDoc>();
      const entries = [...(doc?.outbox ?? [])].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
      // In order, one topic run at a time: entries of one document share a key, so their order on a partition is kept.
      for (const run of consecutiveRunsByTopic(entries)) {
        await this.producer.send(
          topicName(run[0].topic),
          run.map((e) => ({ key: e.key, value: e.value, headers: e.headers })),
        );
      }
      if (entries.length > 0) {
        await model
          .updateOne({ _id: id }, { $pull: { outbox: { id: { $in: entries.map((e) => e.id) } } } })
          .setOptions(CROSS_TENANT);
      }
      return entries.length;
    } finally {
      await model.updateOne({ _id: id }, { $set: { outboxLeaseUntil: null } }).setOptions(CROSS_TENANT);
    }
  }
}

function consecutiveRunsByTopic(entries: readonly OutboxEntry[]): OutboxEntry[][] {
  const runs: OutboxEntry[][] = [];
  for (const entry of entries) {
    const last = runs[runs.length - 1];
    if (last && last[0].topic === entry.topic) last.push(entry);
    else runs.push([entry]);
  }
  return runs;
}
