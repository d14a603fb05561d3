import { NotFoundException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ReferralReceived } from '@careloop/contracts';
import { EventFactory, OutboxEntry } from '@careloop/messaging';
import { RequestContext } from '@careloop/observability';
import { AuditEntry, AuditService, Principal } from '@careloop/security';
import { ClientsRepository } from '../clients/clients.repository';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';
import { Referral } from './schemas/referral.schema';

const TENANT = 'tenant-unit';
const CLIENT_ID = '5b0c1e0a-8d0e-4c55-9d6f-0a1b2c3d4e5f';
const principal: Principal = { subject: 'case-manager-1', tenantId: TENANT, roles: ['case-manager'] };

describe('ReferralsService', () => {
  let service: ReferralsService;
  const inserted: Array<{ referral: Referral; events: OutboxEntry[] }> = [];
  const audited: AuditEntry[] = [];

  beforeEach(async () => {
    inserted.length = 0;
    audited.length = 0;
    const moduleRef = await Test.createTestingModule({
      providers: [
        ReferralsService,
        { provide: EventFactory, useValue: new EventFactory('intake') },
        {
          provide: ReferralsRepository,
          useValue: { insert: async (referral: Referral, events: OutboxEntry[]) => void inserted.push({ referral, events }) },
        },
        {
          provide: ClientsRepository,
          useValue: { findById: async (tenantId: string, id: string) => (tenantId === TENANT && id === CLIENT_ID ? { _id: id } : null) },
        },
        { provide: AuditService, useValue: { record: async (entry: AuditEntry) => void audited.push(entry) } },
      ],
    }).compile();
    service = moduleRef.get(ReferralsService);
  });

  const inRequest = <T>(fn: () => Promise<T>): Promise<T> => RequestContext.run({ correlationId: 'corr-unit', tenantId: TENANT }, fn);

  it('stores the note but publishes only source and reason code', async () => {
    const reasonCode = { system: 'http://snomed.info/sct', code: '733423003', display: 'Food insecurity' };
    const view = await inRequest(() => service.record(principal, CLIENT_ID, { source: 'physician', reasonCode, note: 'Fake note for the team' }));
    expect(inserted).toHaveLength(1);
    expect(inserted[0].referral).toMatchObject({
      _id: view.id,
      tenantId: TENANT,
      clientId: CLIENT_ID,
      note: 'Fake note for the team',
      recordedBy: 'case-manager-1',
    });
    const [event] = inserted[0].events;
    expect(event).toMatchObject({ topic: ReferralReceived.topic, key: CLIENT_ID });
    expect(JSON.parse(event.value)).toEqual({
      referralId: view.id,
      clientId: CLIENT_ID,
      source: 'physician',
      receivedAt: view.receivedAt,
      reasonCode,
    });
    expect(audited).toEqual([{ action: 'create', resourceType: 'Referral', resourceId: view.id, clientId: CLIENT_ID }]);
  });

  it('answers 404 for an unknown client and stores nothing', async () => {
    await expect(inRequest(() => service.record(principal, 'no-such-client', { source: 'self' }))).rejects.toBeInstanceOf(NotFoundException);
    expect(inserted).toEqual([]);
    expect(audited).toEqual([]);
  });
});
