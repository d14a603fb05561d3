import { Injectable } from '@nestjs/common';
import { ClientRegisteredV1, ConsentRecordedV1 } from '@careloop/contracts';
import { ClientContactsRepository } from './client-contacts.repository';

/** Keeps the service's copy of each client's contact channels, consent and partners, from intake's events. */
@Injectable()
export class ClientContactsService {
  constructor(private readonly repository: ClientContactsRepository) {}

  async onClientRegistered(tenantId: string, data: ClientRegisteredV1): Promise<void> {
    const registeredAt = new Date(data.registeredAt);
    const partnerIds = [...new Set(data.coverage.flatMap((c) => (c.partnerId ? [c.partnerId] : [])))];
    await this.repository.saveChannels(tenantId, data.clientId, {
      registeredAt,
      email: data.contact.email,
      phone: data.contact.phone,
      preferredChannel: data.contact.preferredChannel,
      preferredLanguage: data.contact.preferredLanguage,
      partnerIds,
    });
    await this.repository.saveConsent(tenantId, data.clientId, pickConsent(data.consent), registeredAt);
  }

  async onConsentRecorded(tenantId: string, data: ConsentRecordedV1): Promise<void> {
    await this.repository.saveConsent(tenantId, data.clientId, pickConsent(data.consent), new Date(data.recordedAt));
  }
}

function pickConsent(consent: ClientRegisteredV1['consent']): { contactByEmail: boolean; contactBySms: boolean; shareWithPartners: boolean } {
  return { contactByEmail: consent.contactByEmail, contactBySms: consent.contactBySms, shareWithPartners: consent.shareWithPartners };
}
