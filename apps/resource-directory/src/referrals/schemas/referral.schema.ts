import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  AGE_BANDS,
  NEED_CATEGORIES,
  REFERRAL_ACTORS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  URGENCIES,
  type AgeBand,
  type NeedCategory,
  type ReferralActor,
  type ReferralOutcome,
  type ReferralStatus,
  type Urgency,
} from '@careloop/contracts';
import { outboxPlugin, type WithOutbox } from '@careloop/messaging';
import type { HydratedDocument } from 'mongoose';

/** The client's area as ReferralMade carries it: a postal code and coordinates rounded to about a kilometre. */
@Schema({ _id: false })
export class ReferralArea {
  @Prop() postalCode?: string;
  @Prop({ required: true }) latitude!: number;
  @Prop({ required: true }) longitude!: number;
}

/** What the client agreed may be known to decide on the referral (no name, no birth date, no address). */
@Schema({ _id: false })
export class ReferralClientContext {
  @Prop({ required: true }) preferredLanguage!: string;
  @Prop({ type: String, enum: AGE_BANDS, required: true }) ageBand!: AgeBand;
  @Prop({ type: ReferralArea }) area?: ReferralArea;
}

@Schema({ _id: false })
export class MatchComponentsRecord {
  @Prop({ required: true }) need!: number;
  @Prop({ required: true }) distance!: number;
  @Prop({ required: true }) language!: number;
  @Prop({ required: true }) capacity!: number;
  @Prop({ required: true }) eligibility!: number;
}

/** One ranked service, with the reasons that explain its score. */
@Schema({ _id: false })
export class ReferralCandidate {
  @Prop({ required: true }) serviceId!: string;
  @Prop({ required: true }) organizationId!: string;
  @Prop({ required: true }) score!: number;
  @Prop() distanceKm?: number;
  @Prop({ type: [String], default: [] }) reasons!: string[];
  @Prop({ type: MatchComponentsRecord, required: true }) components!: MatchComponentsRecord;
}

/** One step of the lifecycle (FHIR Task history): who moved it where, when, and why. */
@Schema({ _id: false })
export class ReferralStatusEntry {
  @Prop({ type: String, enum: REFERRAL_STATUSES }) from?: ReferralStatus;
  @Prop({ type: String, enum: REFERRAL_STATUSES, required: true }) status!: ReferralStatus;
  @Prop() statusReason?: string;
  @Prop({ type: String, enum: REFERRAL_OUTCOMES }) outcome?: ReferralOutcome;
  @Prop({ type: String, enum: REFERRAL_ACTORS, required: true }) changedBy!: ReferralActor;
  /** The user's subject; absent when the platform itself made the change. */
  @Prop() changedBySubject?: string;
  @Prop({ required: true }) changedAt!: Date;
}

/**
 * An outbound referral to a community service (FHIR ServiceRequest with its fulfilment Task): `_id` is the referralId
 * of ReferralMade, so a redelivered event cannot create a second one. It holds identifiers and the minimum a receiving
 * organization needs, never names or clinical answers.
 */
@Schema({ collection: 'referrals', versionKey: false, timestamps: true })
export class Referral {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) clientId!: string;
  @Prop({ required: true }) carePlanId!: string;
  @Prop({ required: true }) needId!: string;
  @Prop({ type: String, enum: NEED_CATEGORIES, required: true }) needCategory!: NeedCategory;
  @Prop({ type: String, enum: URGENCIES, required: true }) urgency!: Urgency;
  @Prop({ type: ReferralClientContext, required: true }) context!: ReferralClientContext;
  @Prop({ required: true }) consentToShare!: boolean;
  @Prop({ required: true }) requestedBy!: string;
  @Prop({ required: true }) requestedAt!: Date;
  @Prop({ type: [ReferralCandidate], default: [] }) candidates!: ReferralCandidate[];
  @Prop() selectedServiceId?: string;
  @Prop() selectedOrganizationId?: string;
  @Prop({ required: true }) matchedAt!: Date;
  @Prop({ type: String, enum: REFERRAL_STATUSES, required: true }) status!: ReferralStatus;
  @Prop() statusReason?: string;
  @Prop({ type: String, enum: REFERRAL_OUTCOMES }) outcome?: ReferralOutcome;
  @Prop({ type: [ReferralStatusEntry], default: [] }) statusHistory!: ReferralStatusEntry[];
  @Prop({ required: true, default: 1 }) version!: number;
  createdAt?: Date;
  updatedAt?: Date;
}

export type ReferralDocument = HydratedDocument<Referral & WithOutbox>;
export const ReferralSchema = SchemaFactory.createForClass(Referral);
ReferralSchema.plugin(outboxPlugin);
// The receiving organization's worklist and the care team's view of one client.
ReferralSchema.index({ tenantId: 1, selectedOrganizationId: 1, requestedAt: -1 }, { name: 'tenant_organization_requested' });
ReferralSchema.index({ tenantId: 1, clientId: 1, requestedAt: -1 }, { name: 'tenant_client_requested' });
ReferralSchema.index({ tenantId: 1, status: 1, requestedAt: -1 }, { name: 'tenant_status_requested' });
