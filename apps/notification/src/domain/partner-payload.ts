import {
  CarePlanUpdated,
  CaseAssigned,
  EventDefinition,
  EventEnvelope,
  GoalStatusChanged,
  ReferralMade,
  ReferralReceived,
  ReferralStatusChanged,
  ResourcesMatched,
  decodeEvent,
} from '@careloop/contracts';

/** A partner (insurer) webhook body: identifiers and statuses only. */
export interface PartnerPayload {
  /** The event id: partners de-duplicate on it. */
  readonly id: string;
  readonly type: string;
  readonly time: string;
  readonly tenant: string;
  readonly subject: Readonly<Record<string, string>>;
  readonly status: Readonly<Record<string, string | number | boolean>>;
}

interface AllowList {
  readonly definition: EventDefinition;
  readonly subject: readonly string[];
  readonly status: readonly string[];
}

/**
 * What partners may see, per event type; an event type not listed is never sent. Left out on purpose: free text
 * (statusReason), need categories and task keys (they can name a mental-health condition), staff ids, scores, and every
 * intake event that carries personal data or answers (ClientRegistered, ConsentRecorded, NeedAssessed).
 */
const ALLOW_LISTS: readonly AllowList[] = [
  {
    definition: ReferralStatusChanged,
    subject: ['clientId', 'referralId', 'serviceId', 'organizationId'],
    status: ['from', 'status', 'outcome', 'changedAt'],
  },
  { definition: ReferralMade, subject: ['clientId', 'referralId', 'carePlanId'], status: ['urgency', 'requestedAt'] },
  { definition: ReferralReceived, subject: ['clientId', 'referralId'], status: ['source', 'receivedAt'] },
  { definition: ResourcesMatched, subject: ['clientId', 'referralId', 'selectedServiceId'], status: ['matchedAt'] },
  { definition: CaseAssigned, subject: ['clientId', 'caseId'], status: ['assignedAt'] },
  { definition: CarePlanUpdated, subject: ['clientId', 'carePlanId'], status: ['version', 'change', 'updatedAt'] },
  {
    definition: GoalStatusChanged,
    subject: ['clientId', 'carePlanId', 'goalId'],
    status: ['from', 'to', 'achievementStatus', 'changedAt'],
  },
];

const BY_TYPE = new Map(ALLOW_LISTS.map((a) => [a.definition.type, a]));

export const PARTNER_SHAREABLE_EVENT_TYPES: readonly string[] = ALLOW_LISTS.map((a) => a.definition.type);

export function isPartnerShareable(eventType: string): boolean {
  return BY_TYPE.has(eventType);
}

/**
 * The thin partner payload of an event, or undefined when the event type is not for partners. The payload is validated
 * against its schema first (EventContractError otherwise), then only allow-listed primitive fields are copied.
 */
export function toPartnerPayload(event: EventEnvelope<unknown>): PartnerPayload | undefined {
  const allow = BY_TYPE.get(event.type);
  if (!allow) return undefined;
  const data = decodeEvent(allow.definition, event).data as Record<string, unknown>;
  const subject: Record<string, string> = {};
  for (const key of allow.subject) {
    const value = data[key];
    if (typeof value === 'string') subject[key] = value;
  }
  const status: Record<string, string | number | boolean> = {};
  for (const key of allow.status) {
    const value = data[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') status[key] = value;
  }
  return { id: event.id, type: event.type, time: event.time, tenant: event.tenantid, subject, status };
}
