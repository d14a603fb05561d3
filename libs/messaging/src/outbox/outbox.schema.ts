import { Schema } from 'mongoose';

/** An event waiting in its aggregate's document to be published: the serialized Kafka record, validated when written. */
export interface OutboxEntry {
  id: string;
  /** Catalog topic (unprefixed). */
  topic: string;
  key: string;
  type: string;
  value: string;
  headers: Record<string, string>;
  createdAt: Date;
}

export interface WithOutbox {
  outbox?: OutboxEntry[];
  outboxLeaseUntil?: Date | null;
}

const OutboxEntrySchema = new Schema<OutboxEntry>(
  {
    id: { type: String, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    type: { type: String, required: true },
    value: { type: String, required: true },
    headers: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * Adds the transactional outbox to an aggregate's schema: a state change and its events are one `updateOne`
 * (`$set` + `$push: { outbox }`), atomic on any MongoDB-compatible server without multi-document transactions.
 */
export function outboxPlugin(schema: Schema): void {
  schema.add({
    outbox: { type: [OutboxEntrySchema], default: [] },
    outboxLeaseUntil: { type: Date, default: null },
  });
}

export function hasOutbox(schema: Schema): boolean {
  return Boolean(schema.path('outbox'));
}
