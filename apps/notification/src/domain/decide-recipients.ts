import {
  CaseAssigned,
  Channel,
  EventEnvelope,
  RecipientKind,
  ReferralStatusChanged,
  TaskAssigned,
  decodeEvent,
} from '@careloop/contracts';
import { toPartnerPayload } from './partner-payload';
import { QuietHours, quietHoursEnd } from './quiet-hours';
import { TemplateContext, TemplateKey } from './templates';

export type ClientChannel = Exclude<Channel, 'webhook'>;

/** The notification service's own copy of a client's contact facts (from ClientRegistered / ConsentRecorded). */
export interface ClientContactCopy {
  readonly clientId: string;
  readonly preferredChannel?: ClientChannel;
  readonly preferredLanguage: string;
  readonly hasEmail: boolean;
  readonly hasPhone: boolean;
  readonly consent: {
    readonly contactByEmail: boolean;
    readonly contactBySms: boolean;
    readonly shareWithPartners: boolean;
  };
}

export interface WebhookSubscription {
  readonly subscriptionId: string;
  readonly tenantId: string;
  readonly partnerId: string;
  /** CloudEvents types, e.g. `careloop.resource-directory.ReferralStatusChanged.v1`. */
  readonly eventTypes: readonly string[];
  readonly active: boolean;
}

export interface RecipientPreference {
  readonly language?: string;
  readonly quietHours?: QuietHours;
}

/** What the service knows when an event arrives, loaded from its own store. */
export interface NotificationKnowledge {
  readonly now: Date;
  /** The contact copy of the event's client, if any. */
  readonly client?: ClientContactCopy;
  /** Partners covering the event's client (from the client's coverage). */
  readonly clientPartnerIds: readonly string[];
  readonly subscriptions: readonly WebhookSubscription[];
  /** Keyed by recipientRef (manager id, client id). */
  readonly preferences?: Readonly<Record<string, RecipientPreference>>;
}

export type NotificationTemplateKey = TemplateKey | 'partner-webhook';

export interface IntendedNotification {
  /** Idempotency key of the delivery: one per event, recipient and channel. */
  readonly key: string;
  readonly sourceEventId: string;
  readonly sourceEventType: string;
  readonly clientId?: string;
  readonly recipientKind: RecipientKind;
  /** An id (manager, client, subscription), never an address. */
  readonly recipientRef: string;
  readonly channel: Channel;
  /** The client's other consented channel, for the delivery layer to try when this one fails for good. */
  readonly fallbackChannel?: ClientChannel;
  readonly templateKey: NotificationTemplateKey;
  readonly language: string;
  readonly urgent: boolean;
  /** ISO time before which it must not be sent (quiet hours). */
  readonly notBefore?: string;
  /** What `renderTemplate` needs for email and SMS; ids and dates only. Webhooks send `toPartnerPayload` instead. */
  readonly context?: TemplateContext;
}

export type SkipReason = 'no-client-contact' | 'no-consent' | 'no-contact-address' | 'no-partner-consent';

export interface SkippedNotification {
  readonly recipientKind: RecipientKind;
  readonly recipientRef: string;
  readonly reason: SkipReason;
}

export interface NotificationDecision {
  readonly notifications: readonly IntendedNotification[];
  /** Recipients the rules call for but who will not be notified, with why (for the audit trail). */
  readonly skipped: readonly SkippedNotification[];
}

const DEFAULT_LANGUAGE = 'en';

type Draft = Omit<IntendedNotification, 'key' | 'sourceEventId' | 'sourceEventType' | 'notBefore'>;

export function decideNotifications(event: EventEnvelope<unknown>, knowledge: NotificationKnowledge): IntendedNotification[] {
  return [...explainNotifications(event, knowledge).notifications];
}

/** Same decision, with the recipients it skipped and why. */
export function explainNotifications(event: EventEnvelope<unknown>, knowledge: NotificationKnowledge): NotificationDecision {
  const drafts: Draft[] = [];
  const skipped: SkippedNotification[] = [];
  const client = knowledge.client;

  if (event.type === CaseAssigned.type) {
    const data = decodeEvent(CaseAssigned, event).data;
    const context = { caseId: data.caseId, date: data.assignedAt.slice(0, 10) };
    drafts.push(careTeamEmail(data.assigneeId, data.clientId, 'case-assigned', data.urgent, context, knowledge));
  } else if (event.type === TaskAssigned.type) {
    const data = decodeEvent(TaskAssigned, event).data;
    if (data.priority === 'urgent') {
      const context = { taskId: data.taskId, dueDate: data.dueDate };
      drafts.push(careTeamEmail(data.ownerId, data.clientId, 'task-assigned-urgent', true, context, knowledge));
    }
  } else if (event.type === ReferralStatusChanged.type) {
    const data = decodeEvent(ReferralStatusChanged, event).data;
    if (data.status === 'accepted' && data.from !== 'accepted') {
      const contact = client && client.clientId === data.clientId ? client : undefined;
      const outcome = clientMessage(data.clientId, contact, { referralId: data.referralId, date: data.changedAt.slice(0, 10), category: data.needCategory });
      if ('reason' in outcome) skipped.push(outcome);
      else drafts.push(outcome);
    }
  }

  const partner = toPartnerPayload(event);
  const clientId = partner?.subject['clientId'];
  if (partner && clientId) {
    const matching = knowledge.subscriptions.filter(
      (s) =>
        s.active &&
        s.tenantId === event.tenantid &&
        s.eventTypes.includes(event.type) &&
        knowledge.clientPartnerIds.includes(s.partnerId),
    );
    // Without a current contact copy there is no recorded consent to share, so nothing goes out.
    const consented = client?.clientId === clientId && client.consent.shareWithPartners;
    for (const s of matching) {
      if (!consented) {
        skipped.push({ recipientKind: 'partner', recipientRef: s.subscriptionId, reason: 'no-partner-consent' });
        continue;
      }
      drafts.push({
        clientId,
        recipientKind: 'partner',
        recipientRef: s.subscriptionId,
        channel: 'webhook',
        templateKey: 'partner-webhook',
        language: DEFAULT_LANGUAGE,
        urgent: false,
      });
    }
  }

  const notifications = drafts.map((d) => finish(d, event, knowledge));
  return { notifications, skipped };
}

function careTeamEmail(
  managerId: string,
  clientId: string,
  templateKey: TemplateKey,
  urgent: boolean,
  context: TemplateContext,
  knowledge: NotificationKnowledge,
): Draft {
  return {
    clientId,
    recipientKind: 'care-team',
    recipientRef: managerId,
    channel: 'email',
    templateKey,
    language: knowledge.preferences?.[managerId]?.language ?? DEFAULT_LANGUAGE,
    urgent,
    context,
  };
}

/** Preferred channel first, then the other one; a channel counts only with consent and an address on file. */
function clientMessage(
  clientId: string,
  contact: ClientContactCopy | undefined,
  context: TemplateContext,
): Draft | SkippedNotification {
  if (!contact) return { recipientKind: 'client', recipientRef: clientId, reason: 'no-client-contact' };
  const consented = (c: ClientChannel): boolean => (c === 'email' ? contact.consent.contactByEmail : contact.consent.contactBySms);
  const reachable = (c: ClientChannel): boolean => (c === 'email' ? contact.hasEmail : contact.hasPhone);
  const order: ClientChannel[] = contact.preferredChannel === 'sms' ? ['sms', 'email'] : ['email', 'sms'];
  const usable = order.filter((c) => consented(c) && reachable(c));
  if (usable.length === 0) {
    const reason = order.some(consented) ? 'no-contact-address' : 'no-consent';
    return { recipientKind: 'client', recipientRef: clientId, reason };
  }
  return {
    clientId,
    recipientKind: 'client',
    recipientRef: clientId,
    channel: usable[0],
    ...(usable[1] ? { fallbackChannel: usable[1] } : {}),
    templateKey: 'referral-accepted',
    language: contact.preferredLanguage,
    urgent: false,
    context,
  };
}

function finish(draft: Draft, event: EventEnvelope<unknown>, knowledge: NotificationKnowledge): IntendedNotification {
  const quiet = knowledge.preferences?.[draft.recipientRef]?.quietHours;
  // Urgent messages override quiet hours; webhooks are machine-to-machine and have none.
  const deferrable = !draft.urgent && draft.channel !== 'webhook' && quiet !== undefined;
  const until = deferrable ? quietHoursEnd(knowledge.now, quiet) : undefined;
  return {
    key: `${event.id}:${draft.recipientKind}:${draft.recipientRef}:${draft.channel}`,
    sourceEventId: event.id,
    sourceEventType: event.type,
    ...draft,
    ...(until ? { notBefore: until.toISOString() } : {}),
  };
}
