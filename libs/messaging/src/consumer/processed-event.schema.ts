import { Schema } from 'mongoose';

/** Inbox record: `_id` is `<handler>:<eventId>`, so the same event can be recorded as handled only once per handler. */
export interface ProcessedEvent {
  _id: string;
  tenantId: string;
  handler: string;
  eventId: string;
  eventType: string;
  topic: string;
  partition: number;
  offset: string;
  processedAt: Date;
}

export const PROCESSED_EVENT_MODEL = 'ProcessedEvent';

export const ProcessedEventSchema = new Schema<ProcessedEvent>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    handler: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    topic: { type: String, required: true },
    partition: { type: Number, required: true },
    offset: { type: String, required: true },
    processedAt: { type: Date, required: true },
  },
  { collection: 'processed_events', versionKey: false },
);
ProcessedEventSchema.index({ tenantId: 1, handler: 1, processedAt: -1 });
