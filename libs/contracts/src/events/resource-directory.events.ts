import { z } from 'zod';
import { Topics } from '../catalog/topics';
import { defineEvent } from '../envelope/event-definition';
import { NEED_CATEGORIES, REFERRAL_ACTORS, REFERRAL_OUTCOMES, REFERRAL_STATUSES } from '../enums/domain';
import { Id, Timestamp } from './common';

export const ResourcesMatchedV1 = z.object({
  referralId: Id,
  clientId: Id,
  candidates: z
    .array(
      z.object({
        serviceId: Id,
        organizationId: Id,
        score: z.number().min(0).max(1),
        distanceKm: z.number().min(0).optional(),
        /** Reason codes that explain the score, e.g. `language-match`, `within-5km`, `has-capacity`. */
        reasons: z.array(z.string().max(64)).max(20),
      }),
    )
    .max(20),
  selectedServiceId: Id.optional(),
  matchedAt: Timestamp,
});
export type ResourcesMatchedV1 = z.infer<typeof ResourcesMatchedV1>;

export const ResourcesMatched = defineEvent({
  name: 'ResourcesMatched',
  version: 1,
  owner: 'resource-directory',
  topic: Topics.ResourcesMatched,
  description: 'Candidate services were ranked for a referral, with the reasons for each score and the one referred to.',
  schema: ResourcesMatchedV1,
  keyOf: (d) => d.clientId,
  keyDescription: 'clientId',
});

export const ReferralStatusChangedV1 = z.object({
  referralId: Id,
  clientId: Id,
  serviceId: Id.optional(),
  organizationId: Id.optional(),
  needCategory: z.enum(NEED_CATEGORIES),
  from: z.enum(REFERRAL_STATUSES).optional(),
  status: z.enum(REFERRAL_STATUSES),
  /** Why, in the organization's words; internal only (partners receive the status and outcome, never this text). */
  statusReason: z.string().max(200).optional(),
  outcome: z.enum(REFERRAL_OUTCOMES).optional(),
  changedBy: z.enum(REFERRAL_ACTORS),
  changedAt: Timestamp,
});
export type ReferralStatusChangedV1 = z.infer<typeof ReferralStatusChangedV1>;

export const ReferralStatusChanged = defineEvent({
  name: 'ReferralStatusChanged',
  version: 1,
  owner: 'resource-directory',
  topic: Topics.ReferralStatusChanged,
  description: 'A closed-loop referral changed status (Gravity SDOH Task status), with the reason and outcome.',
  schema: ReferralStatusChangedV1,
  keyOf: (d) => d.clientId,
  keyDescription: 'clientId',
});
