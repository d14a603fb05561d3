import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** A partner's webhook endpoint and the event types it receives (thin payloads, signed per Standard Webhooks). */
@Schema({ collection: 'webhook_subscriptions', versionKey: false, timestamps: true })
export class WebhookSubscriptionRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) partnerId!: string;
  @Prop({ required: true }) url!: string;
  /** CloudEvents types, each one `isPartnerShareable`. */
  @Prop({ type: [String], required: true }) eventTypes!: string[];
  /**
   * `whsec_<base64>`, stored as given because signing needs it (a hash would not do). Never selected unless asked
   * for, never logged, shown to the partner only in the answer that created or rotated it.
   */
  @Prop({ required: true, select: false }) secret!: string;
  /** The secret before the last rotation: deliveries are signed with both until `previousSecretValidUntil`. */
  @Prop({ select: false }) previousSecret?: string;
  @Prop() previousSecretValidUntil?: Date;
  @Prop() secretRotatedAt?: Date;
  @Prop({ required: true }) active!: boolean;
  @Prop() deactivatedAt?: Date;
  @Prop({ required: true }) createdBy!: string;
  @Prop({ required: true }) version!: number;
  createdAt?: Date;
  updatedAt?: Date;
}

export type WebhookSubscriptionDocument = HydratedDocument<WebhookSubscriptionRecord>;
export const WebhookSubscriptionSchema = SchemaFactory.createForClass(WebhookSubscriptionRecord);
WebhookSubscriptionSchema.index({ tenantId: 1, partnerId: 1, createdAt: -1 });
WebhookSubscriptionSchema.index({ tenantId: 1, active: 1, eventTypes: 1 });
