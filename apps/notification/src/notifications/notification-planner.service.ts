import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventEnvelope } from '@careloop/contracts';
import { UnprocessableEventError } from '@careloop/messaging';
import { ClientContactsRepository } from '../client-contacts/client-contacts.repository';
import { ClientContact } from '../client-contacts/schemas/client-contact.schema';
import {
  ClientChannel,
  ClientContactCopy,
  IntendedNotification,
  NotificationKnowledge,
  RecipientPreference,
  explainNotifications,
} from '../domain/decide-recipients';
import { toPartnerPayload } from '../domain/partner-payload';
import { TemplateKey, TemplateRenderError, renderTemplate } from '../domain/templates';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { Recipient } from '../recipients/schemas/recipient.schema';
import { WebhookSubscriptionsRepository } from '../webhook-subscriptions/webhook-subscriptions.repository';
import { DeferredEventsRepository } from './deferred-events.repository';
import { NotificationDispatcher } from './notification-dispatcher.service';
import { NotificationsRepository } from './notifications.repository';
import { Notification } from './schemas/notification.schema';

const CLIENT_CHANNELS: readonly string[] = ['email', 'sms'];

/** The decision rules' view of the stored copy; without a recorded consent there is nothing to rely on. */
export function toContactCopy(contact: ClientContact | null): ClientContactCopy | undefined {
  if (!contact?.consent) return undefined;
  const preferred = contact.preferredChannel;
  return {
    clientId: contact.clientId,
    ...(preferred && CLIENT_CHANNELS.includes(preferred) ? { preferredChannel: preferred as ClientChannel } : {}),
    preferredLanguage: contact.preferredLanguage ?? 'en',
    hasEmail: Boolean(contact.email),
    hasPhone: Boolean(contact.phone),
    consent: { ...contact.consent },
  };
}

/**
 * A care-team member who prefers SMS (and gave a phone number) gets the staff message by SMS, with email as the fallback.
 * The decision rules send staff messages by email; the channel is the recipient's own choice, applied here.
 */
export function applyCareTeamChannel(n: IntendedNotification, recipient: Recipient | undefined): IntendedNotification {
  if (n.recipientKind !== 'care-team' || n.channel !== 'email' || recipient?.preferredChannel !== 'sms' || !recipient.phone) return n;
  return { ...n, channel: 'sms', ...(recipient.email ? { fallbackChannel: 'email' as const } : {}) };
}

function clientIdOf(event: EventEnvelope<unknown>): string | undefined {
  const data = event.data as { clientId?: unknown } | null;
  return typeof data?.clientId === 'string' ? data.clientId : undefined;
}

/** Turns a catalog event into stored notifications, one per intended delivery, using only the service's own knowledge. */
@Injectable()
export class NotificationPlanner {
  private readonly logger = new Logger(NotificationPlanner.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly contacts: ClientContactsRepository,
    private readonly recipients: RecipientsRepository,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly dispatcher: NotificationDispatcher,
    private readonly deferred: DeferredEventsRepository,
  ) {}

  async plan(event: EventEnvelope<unknown>): Promise<number> {
    const tenantId = event.tenantid;
    const clientId = clientIdOf(event);
    const [contact, subscriptions] = await Promise.all([
      clientId ? this.contacts.find(tenantId, clientId) : Promise.resolve(null),
      this.subscriptions.activeFor(tenantId, event.type),
    ]);
    const knowledge: NotificationKnowledge = {
      now: new Date(),
      client: toContactCopy(contact),
      clientPartnerIds: contact?.partnerIds ?? [],
      subscriptions,
    };
    // Which staff members the rules address is only known after a first pass; their preferences shape the second.
    const first = explainNotifications(event, knowledge);
    const staffIds = [...new Set(first.notifications.filter((n) => n.recipientKind === 'care-team').map((n) => n.recipientRef))];
    const staff = await this.recipients.findMany(tenantId, staffIds);
    const byUser = new Map(staff.map((r) => [r.userId, r]));
    const preferences: Record<string, RecipientPreference> = {};
    for (const r of staff) preferences[r.userId] = { language: r.language, ...(r.quietHours ? { quietHours: { ...r.quietHours } } : {}) };
    const decision = staff.length > 0 ? explainNotifications(event, { ...knowledge, preferences }) : first;

    let stored = 0;
    for (const intended of decision.notifications) {
      const n = applyCareTeamChannel(intended, byUser.get(intended.recipientRef));
      if (await this.notifications.insertIfNew(this.toDocument(event, n, knowledge.now))) stored += 1;
    }
    // Without the client's contact copy, the client's message and the partners' webhooks cannot be decided yet: the copy
    // comes on another topic and may still be on its way. The event waits and is planned again when it arrives (the
    // notifications already stored are not repeated: their keys are deterministic).
    if (clientId && !contact && (subscriptions.length > 0 || decision.skipped.some((s) => s.reason === 'no-client-contact'))) {
      await this.deferred.defer(clientId, event);
    }
    if (decision.skipped.length > 0) {
      // Reason codes and kinds only: which recipient was skipped is visible through the event and the rules.
      const reasons = decision.skipped.map((s) => `${s.recipientKind}:${s.reason}`).join(',');
      this.logger.log(`event ${event.id}: skipped ${decision.skipped.length} recipient(s) (${reasons})`);
    }
    if (stored > 0) this.dispatcher.kick();
    return stored;
  }

  /** Plans again the events that waited for this client's contact copy, which has just been stored. */
  async replayDeferred(tenantId: string, clientId: string): Promise<number> {
    let stored = 0;
    for (const { id, event } of await this.deferred.forClient(tenantId, clientId)) {
      stored += await this.plan(event);
      await this.deferred.remove(tenantId, id);
    }
    return stored;
  }

  private toDocument(event: EventEnvelope<unknown>, n: IntendedNotification, now: Date): Notification {
    const notBefore = n.notBefore ? new Date(n.notBefore) : undefined;
    return {
      _id: randomUUID(),
      tenantId: event.tenantid,
      key: n.key,
      sourceEventId: n.sourceEventId,
      sourceEventType: n.sourceEventType,
      correlationId: event.correlationid,
      ...(n.clientId ? { clientId: n.clientId } : {}),
      recipientKind: n.recipientKind,
      recipientRef: n.recipientRef,
      channel: n.channel,
      ...(n.fallbackChannel ? { fallbackChannel: n.fallbackChannel } : {}),
      templateKey: n.templateKey,
      language: n.language,
      urgent: n.urgent,
      ...(n.channel === 'webhook' ? { payload: this.partnerPayload(event) } : { content: this.render(n) }),
      ...(notBefore ? { notBefore } : {}),
      status: 'pending',
      attempts: [],
      channelAttempts: 0,
      nextAttemptAt: notBefore ?? now,
      leaseUntil: null,
      leaseToken: null,
    };
  }

  private render(n: IntendedNotification): Notification['content'] {
    try {
      const rendered = renderTemplate(n.templateKey as TemplateKey, n.language, n.context ?? {});
      return { subject: rendered.subject, text: rendered.text, html: rendered.html };
    } catch (err) {
      // A template asking for what the rules did not give is a code defect: retrying cannot fix it.
      if (err instanceof TemplateRenderError) throw new UnprocessableEventError(err.message, 'template-render');
      throw err;
    }
  }

  private partnerPayload(event: EventEnvelope<unknown>): Record<string, unknown> {
    const payload = toPartnerPayload(event);
    if (!payload) throw new UnprocessableEventError(`no partner payload for ${event.type}`, 'partner-payload');
    return { ...payload };
  }
}
