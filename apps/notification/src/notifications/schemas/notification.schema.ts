import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin, WithOutbox } from '@careloop/messaging';
import { HydratedDocument, Schema as MongooseSchema } from 'mongoose';

export const NOTIFICATION_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const ATTEMPT_OUTCOMES = ['delivered', 'failed'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** One delivery attempt, as the channel saw it. */
@Schema({ _id: false })
export class DeliveryAttempt {
  /** 1-based, across channels. */
  @Prop({ required: true }) attempt!: number;
  @Prop({ required: true }) at!: Date;
  @Prop({ required: true }) channel!: string;
  @Prop({ required: true }) outcome!: string;
  /** A code such as `smtp-550`, `http-500`, `timeout`, `sms-not-configured`; never a server's message text. */
  @Prop() failure?: string;
  /** For a failure: whether it was retried (on this channel or the fallback). */
  @Prop() retried?: boolean;
  @Prop({ required: true }) durationMs!: number;
}

/** Rendered email/SMS text: identifiers and dates only (the templates guarantee it). */
@Schema({ _id: false })
export class RenderedContent {
  @Prop({ required: true }) subject!: string;
  @Prop({ required: true }) text!: string;
  @Prop({ required: true }) html!: string;
}

/**
 * One intended delivery (an event, a recipient, a channel) and every attempt at it. Its outbox carries
 * NotificationDelivered / NotificationFailed, written in the same update as the status they announce.
 */
@Schema({ collection: 'notifications', versionKey: false, timestamps: true })
export class Notification {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  /** Idempotency key from the decision rules: a redelivered event adds nothing. */
  @Prop({ required: true }) key!: string;
  @Prop({ required: true }) sourceEventId!: string;
  @Prop({ required: true }) sourceEventType!: string;
  @Prop({ required: true }) correlationId!: string;
  @Prop() clientId?: string;
  @Prop({ required: true }) recipientKind!: string;
  /** An id (user, client, subscription), never an address: addresses are looked up when sending. */
  @Prop({ required: true }) recipientRef!: string;
  /** The channel the next attempt uses (the fallback once the first one failed for good). */
  @Prop({ required: true }) channel!: string;
  @Prop() fallbackChannel?: string;
  @Prop({ required: true }) templateKey!: string;
  @Prop({ required: true }) language!: string;
  @Prop({ required: true }) urgent!: boolean;
  @Prop({ type: RenderedContent }) content?: RenderedContent;
  /** The thin partner payload, sent byte for byte as stored. */
  @Prop({ type: MongooseSchema.Types.Mixed }) payload?: Record<string, unknown>;
  @Prop() notBefore?: Date;
  @Prop({ required: true }) status!: string;
  @Prop({ type: [DeliveryAttempt], default: [] }) attempts!: DeliveryAttempt[];
  /** Attempts made on the current channel (the retry policy counts per channel). */
  @Prop({ required: true, default: 0 }) channelAttempts!: number;
  /** When the dispatcher may take it; null once it is delivered or failed for good. */
  @Prop({ type: Date, default: null }) nextAttemptAt!: Date | null;
  @Prop({ type: Date, default: null }) leaseUntil!: Date | null;
  @Prop({ type: String, default: null }) leaseToken!: string | null;
  @Prop() deliveredAt?: Date;
  @Prop() failedAt?: Date;
  /** Why it failed for good: `not-retryable` or `retries-exhausted` (the attempts say what the channel answered). */
  @Prop() finalReason?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

export type NotificationRecord = Notification & WithOutbox;
export type NotificationDocument = HydratedDocument<NotificationRecord>;
export const NotificationSchema = SchemaFactory.createForClass(Notification);
NotificationSchema.plugin(outboxPlugin);
NotificationSchema.index({ tenantId: 1, key: 1 }, { unique: true, name: 'notification_key_unique' });
NotificationSchema.index({ status: 1, nextAttemptAt: 1 });
NotificationSchema.index({ tenantId: 1, clientId: 1, createdAt: -1 });
NotificationSchema.index({ tenantId: 1, status: 1, createdAt: -1 });
