import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ReferralSource } from '@careloop/contracts';
import { outboxPlugin, WithOutbox } from '@careloop/messaging';
import { HydratedDocument } from 'mongoose';

@Schema({ _id: false })
export class ReasonCode {
  @Prop({ required: true }) system!: string;
  @Prop({ required: true }) code!: string;
  @Prop() display?: string;
}

/**
 * An inbound referral of a client to the care program (FHIR ServiceRequest-like, received rather than made).
 * The free-text note stays in intake: it is not part of ReferralReceived.
 */
@Schema({ collection: 'referrals', versionKey: false, timestamps: true })
export class Referral {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) clientId!: string;
  @Prop({ type: String, required: true }) source!: ReferralSource;
  @Prop({ type: ReasonCode }) reasonCode?: ReasonCode;
  @Prop() note?: string;
  @Prop({ required: true }) receivedAt!: Date;
  /** Subject of the user who recorded it. */
  @Prop({ required: true }) recordedBy!: string;
  createdAt?: Date;
  updatedAt?: Date;
}

export type ReferralDocument = HydratedDocument<Referral & WithOutbox>;
export const ReferralSchema = SchemaFactory.createForClass(Referral);
ReferralSchema.plugin(outboxPlugin);
// A client's referrals, newest first, always within one tenant.
ReferralSchema.index({ tenantId: 1, clientId: 1, receivedAt: -1 });
