import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@careloop/persistence';
import { Model } from 'mongoose';
import { ClientContact, ClientContactDocument, ContactConsent } from './schemas/client-contact.schema';

export interface ContactChannels {
  readonly registeredAt: Date;
  readonly email?: string;
  readonly phone?: string;
  readonly preferredChannel?: string;
  readonly preferredLanguage: string;
  readonly partnerIds: readonly string[];
}

export function clientContactId(tenantId: string, clientId: string): string {
  return `${tenantId}:${clientId}`;
}

@Injectable()
export class ClientContactsRepository {
  constructor(@InjectModel(ClientContact.name) private readonly contacts: Model<ClientContactDocument>) {}

  async find(tenantId: string, clientId: string): Promise<ClientContact | null> {
    return this.contacts.findOne({ tenantId, _id: clientContactId(tenantId, clientId) }).lean<ClientContact>();
  }

  /** Contact channels and coverage come only with the registration: stored as they are, whatever arrived before. */
  async saveChannels(tenantId: string, clientId: string, channels: ContactChannels): Promise<void> {
    const set: Record<string, unknown> = {
      registeredAt: channels.registeredAt,
      preferredLanguage: channels.preferredLanguage,
      partnerIds: [...channels.partnerIds],
    };
    const unset: Record<string, ''> = {};
    for (const field of ['email', 'phone', 'preferredChannel'] as const) {
      if (channels[field] !== undefined) set[field] = channels[field];
      else unset[field] = '';
    }
    await this.upsert(tenantId, clientId, { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) });
  }

  /**
   * Keeps the newest consent: ClientRegistered and ConsentRecorded travel on different topics, so an older consent can
   * arrive after a newer one and must then change nothing.
   */
  async saveConsent(tenantId: string, clientId: string, consent: ContactConsent, recordedAt: Date): Promise<void> {
    await this.upsert(tenantId, clientId, {});
    await this.contacts.updateOne(
      {
        tenantId,
        _id: clientContactId(tenantId, clientId),
        $or: [{ consentRecordedAt: { $exists: false } }, { consentRecordedAt: null }, { consentRecordedAt: { $lte: recordedAt } }],
      },
      { $set: { consent: { ...consent }, consentRecordedAt: recordedAt } },
    );
  }

  private async upsert(tenantId: string, clientId: string, update: Record<string, unknown>): Promise<void> {
    const filter = { tenantId, _id: clientContactId(tenantId, clientId) };
    const doc = { ...update, $setOnInsert: { clientId } };
    try {
      await this.contacts.updateOne(filter, doc, { upsert: true });
    } catch (err) {
      // Two first events of one client raced to create the copy: it exists now, so update it.
      if (!isDuplicateKeyError(err)) throw err;
      await this.contacts.updateOne(filter, doc, { upsert: true });
    }
  }
}
