import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClientRegistered, ConsentRecorded } from '@careloop/contracts';
import { EventFactory } from '@careloop/messaging';
import { AuditService, Principal } from '@careloop/security';
import { ageBandOf, matchKeyOf, serviceAreaOf } from './client-rules';
import { ClientView, toClientView } from './client-view';
import { ClientsRepository } from './clients.repository';
import { RegisterClientDto, UpdateConsentDto } from './dto/register-client.dto';
import { Client } from './schemas/client.schema';

@Injectable()
export class ClientsService {
  constructor(
    private readonly repository: ClientsRepository,
    private readonly events: EventFactory,
    private readonly audit: AuditService,
  ) {}

  async register(principal: Principal, dto: RegisterClientDto): Promise<ClientView> {
    const now = new Date();
    const id = randomUUID();
    const matchKey = matchKeyOf(dto.name, dto.birthDate);
    // Flag, never merge: a person decides whether two records are one client.
    const possibleDuplicateOf = await this.repository.findLikelyDuplicates(principal.tenantId, matchKey, dto.identifiers);
    const consent = { ...dto.consent, recordedAt: now, recordedBy: principal.subject };
    const client: Client = {
      _id: id,
      tenantId: principal.tenantId,
      name: dto.name,
      birthDate: dto.birthDate,
      sex: dto.sex,
      genderIdentity: dto.genderIdentity,
      preferredLanguage: dto.preferredLanguage,
      address: dto.address,
      identifiers: dto.identifiers,
      coverage: dto.coverage,
      consent,
      contact: dto.contact,
      matchKey,
      possibleDuplicateOf,
      version: 1,
    };
    const event = this.events.create(ClientRegistered, {
      clientId: id,
      registeredAt: now.toISOString(),
      context: {
        preferredLanguage: dto.preferredLanguage,
        ageBand: ageBandOf(dto.birthDate, now),
        area: serviceAreaOf(dto.address),
      },
      consent: dto.consent,
      coverage: dto.coverage.map((c) => ({ type: c.kind, partnerId: c.partnerId, memberRef: c.memberId })),
      contact: {
        preferredChannel: dto.contact.preferredChannel,
        preferredLanguage: dto.preferredLanguage,
        email: dto.contact.email,
        phone: dto.contact.phone,
      },
      possibleDuplicateOf,
    });
    await this.repository.insert(client, [event]);
    await this.audit.record({ action: 'create', resourceType: 'Client', resourceId: id, clientId: id });
    return toClientView(client);
  }

  async get(principal: Principal, id: string): Promise<ClientView> {
    const client = await this.repository.findById(principal.tenantId, id);
    if (!client) {
      // Another tenant's client is indistinguishable from a missing one.
      throw new NotFoundException('Client not found');
    }
    await this.audit.record({ action: 'read', resourceType: 'Client', resourceId: id, clientId: id });
    return toClientView(client);
  }

  async updateConsent(principal: Principal, id: string, dto: UpdateConsentDto): Promise<ClientView> {
    const client = await this.repository.findById(principal.tenantId, id);
    if (!client) throw new NotFoundException('Client not found');
    const now = new Date();
    const consent = { ...dto, recordedAt: now, recordedBy: principal.subject };
    const event = this.events.create(ConsentRecorded, { clientId: id, consent: { ...dto }, recordedAt: now.toISOString() });
    const updated = await this.repository.updateConsent(principal.tenantId, id, client.version, consent, [event]);
    if (!updated) throw new ConflictException('The client was changed concurrently; read it again and retry');
    await this.audit.record({ action: 'update', resourceType: 'Client', resourceId: id, clientId: id, reason: 'consent' });
    return toClientView({ ...client, consent, version: client.version + 1 });
  }
}
