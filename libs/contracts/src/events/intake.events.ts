import { z } from 'zod';
import { Topics } from '../catalog/topics';
import { defineEvent } from '../envelope/event-definition';
import {
  CHANNELS,
  COVERAGE_TYPES,
  INSTRUMENTS,
  NEED_CATEGORIES,
  NEED_DOMAINS,
  NEED_SEVERITIES,
  REFERRAL_SOURCES,
} from '../enums/domain';
import { ClientReferralContext, CodeableConcept, Id, LanguageTag, Timestamp } from './common';

const Consent = z.object({
  shareWithCommunityOrganizations: z.boolean(),
  shareWithPartners: z.boolean(),
  contactByEmail: z.boolean(),
  contactBySms: z.boolean(),
});

export const ClientRegisteredV1 = z.object({
  clientId: Id,
  registeredAt: Timestamp,
  context: ClientReferralContext,
  consent: Consent,
  coverage: z.array(z.object({ type: z.enum(COVERAGE_TYPES), partnerId: Id.optional(), memberRef: Id.optional() })).max(10),
  /** How the client wants to be told things; the notification service keeps its own copy for delivery. */
  contact: z.object({
    preferredChannel: z.enum(CHANNELS).exclude(['webhook']).optional(),
    preferredLanguage: LanguageTag,
    email: z.email().optional(),
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164 phone number').optional(),
  }),
  possibleDuplicateOf: z.array(Id).max(20),
});
export type ClientRegisteredV1 = z.infer<typeof ClientRegisteredV1>;

export const ClientRegistered = defineEvent({
  name: 'ClientRegistered',
  version: 1,
  owner: 'intake',
  topic: Topics.ClientRegistered,
  description:
    'A client was registered: referral context (language, age band, coarse area), consent, coverage and contact channels. ' +
    'Carries contact details for notification delivery: internal topic.',
  schema: ClientRegisteredV1,
  keyOf: (d) => d.clientId,
  keyDescription: 'clientId',
  containsPersonalData: true,
});

export const ConsentRecordedV1 = z.object({
  clientId: Id,
  consent: Consent,
  recordedAt: Timestamp,
});
export type ConsentRecordedV1 = z.infer<typeof ConsentRecordedV1>;

export const ConsentRecorded = defineEvent({
  name: 'ConsentRecorded',
  version: 1,
  owner: 'intake',
  topic: Topics.ConsentRecorded,
  description: "A client's consent to share and to be contacted changed.",
  schema: ConsentRecordedV1,
  keyOf: (d) => d.clientId,
  keyDescription: 'clientId',
});

export const ReferralReceivedV1 = z.object({
  referralId: Id,
  clientId: Id,
  source: z.enum(REFERRAL_SOURCES),
  receivedAt: Timestamp,
  reasonCode: CodeableConcept.optional(),
});
export type ReferralReceivedV1 = z.infer<typeof ReferralReceivedV1>;

export const ReferralReceived = defineEvent({
  name: 'ReferralReceived',
  version: 1,
  owner: 'intake',
  topic: Topics.ReferralReceived,
  description: 'An inbound referral for a client was recorded (physician, hospital discharge, self, insurer, community org).',
  schema: ReferralReceivedV1,
  keyOf: (d) => d.clientId,
  keyDescription: 'clientId',
});

export const AssessedNeed = z.object({
  needId: Id,
  domain: z.enum(NEED_DOMAINS),
  category: z.enum(NEED_CATEGORIES),
  severity: z.enum(NEED_SEVERITIES),
  urgent: z.boolean(),
  /** Why it is urgent, as a code (e.g. `phq9-item9-positive`), never the answer itself. */
  urgentReason: z.string().max(64).optional(),
  code: CodeableConcept,
  callsForCommunityResource: z.boolean(),
});
export type AssessedNeed = z.infer<typeof AssessedNeed>;

export const NeedAssessedV1 = z.object({
  assessmentId: Id,
  clientId: Id,
  instrument: z.enum(INSTRUMENTS),
  instrumentLoinc: z.string().max(16),
  completedAt: Timestamp,
  result: z.object({
    total: z.number().int().min(0).optional(),
    band: z.string().max(32).optional(),
    positive: z.boolean(),
  }),
  needs: z.array(AssessedNeed).max(20),
  context: ClientReferralContext,
  /**
   * The client's consent to share with community organizations when the assessment was recorded. Carried here because
   * Kafka gives no order across topics: a consumer may see this event before ClientRegistered / ConsentRecorded.
   */
  consentToShare: z.boolean().optional(),
});
export type NeedAssessedV1 = z.infer<typeof NeedAssessedV1>;

export const NeedAssessed = defineEvent({
  name: 'NeedAssessed',
  version: 1,
  owner: 'intake',
  topic: Topics.NeedAssessed,
  description:
    'An assessment was scored: its result and the coded needs it found (never the raw answers), with the referral context.',
  schema: NeedAssessedV1,
  keyOf: (d) => d.clientId,
  keyDescription: 'clientId',
});
