import { Injectable } from '@nestjs/common';
import { ClientContactsRepository } from '../client-contacts/client-contacts.repository';
import { NotificationRecord } from '../notifications/schemas/notification.schema';
import { RecipientsRepository } from '../recipients/recipients.repository';

export type ContactLookup = { readonly ok: true; readonly address: string } | { readonly ok: false; readonly reason: string };

/**
 * Addresses are looked up when sending, not copied into notifications: a corrected address is used at the next attempt,
 * and a client's consent withdrawn after the event stops messages still waiting.
 */
@Injectable()
export class ContactResolver {
  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly clients: ClientContactsRepository,
  ) {}

  async resolve(notification: NotificationRecord, channel: 'email' | 'sms'): Promise<ContactLookup> {
    const { tenantId, recipientRef } = notification;
    if (notification.recipientKind === 'care-team') {
      const recipient = await this.recipients.find(tenantId, recipientRef);
      const address = channel === 'email' ? recipient?.email : recipient?.phone;
      return address ? { ok: true, address } : { ok: false, reason: 'no-contact-address' };
    }
    if (notification.recipientKind === 'client') {
      const contact = await this.clients.find(tenantId, recipientRef);
      const consented = channel === 'email' ? contact?.consent?.contactByEmail : contact?.consent?.contactBySms;
      if (!consented) return { ok: false, reason: 'no-consent' };
      const address = channel === 'email' ? contact?.email : contact?.phone;
      return address ? { ok: true, address } : { ok: false, reason: 'no-contact-address' };
    }
    // Family contacts are not known to this service yet.
    return { ok: false, reason: 'no-contact-address' };
  }
}
