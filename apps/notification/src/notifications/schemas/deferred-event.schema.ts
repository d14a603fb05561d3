import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/**
 * An event planned before the client's contact copy arrived. Kafka gives no order across topics, so a referral's
 * status can overtake the client's registration; the event waits here and is planned again when the copy arrives.
 */
@Schema({ collection: 'deferred_events', versionKey: false })
export class DeferredEvent {
  /** The event id: an event is deferred once. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) clientId!: string;
  /** The CloudEvents envelope as received (validated), serialized. */
  @Prop({ required: true }) envelope!: string;
  @Prop({ required: true }) deferredAt!: Date;
}

export type DeferredEventDocument = HydratedDocument<DeferredEvent>;
export const DeferredEventSchema = SchemaFactory.createForClass(DeferredEvent);
DeferredEventSchema.index({ tenantId: 1, clientId: 1, deferredAt: 1 });
