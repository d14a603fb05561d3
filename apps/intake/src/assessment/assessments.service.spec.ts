import { NotFoundException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NeedAssessed } from '@careloop/contracts';
import { EventFactory, OutboxEntry } from '@careloop/messaging';
import { RequestContext } from '@careloop/observability';
import { RequestValidationError } from '@careloop/runtime';
import { AuditEntry, AuditService, Principal } from '@careloop/security';
import { ClientsRepository } from '../clients/clients.repository';
import { Client } from '../clients/schemas/client.schema';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService, toFieldErrors } from './assessments.service';
import { SubmitAssessmentDto } from './instruments';
import { Assessment } from './schemas/assessment.schema';

const TENANT = 'tenant-unit';
const CLIENT_ID = '5b0c1e0a-8d0e-4c55-9d6f-0a1b2c3d4e5f';
const principal: Principal = { subject: 'care-manager-1', tenantId: TENANT, roles: ['care-manager'] };

// Obviously fake; only the fields the service reads matter.
const client = {
  _id: CLIENT_ID,
  tenantId: TENANT,
  birthDate: '1950-01-01',
  preferredLanguage: 'es',
  address: { line: ['1 Fake Street'], postalCode: '00000', latitude: 42.33712, longitude: -71.07254 },
  consent: { shareWithCommunityOrganizations: true, shareWithPartners: false, contactByEmail: false, contactBySms: false },
} as Client;

const PHQ9_KEYS = [
  'little-interest',
  'feeling-down',
  'sleep-trouble',
  'tired-little-energy',
  'appetite',
  'feeling-bad-about-self',
  'trouble-concentrating',
  'moving-slowly-or-fidgety',
  'self-harm-thoughts',
];
const phq9 = (values: number[]): SubmitAssessmentDto => ({
  instrument: 'PHQ-9',
  answers: values.map((value, i) => ({ itemKey: PHQ9_KEYS[i], value })),
});

describe('AssessmentsService', () => {
  let service: AssessmentsService;
  const inserted: Array<{ assessment: Assessment; events: OutboxEntry[] }> = [];
  const audited: AuditEntry[] = [];
  const findClient = jest.fn(async (tenantId: string, id: string) => (tenantId === TENANT && id === CLIENT_ID ? client : null));

  beforeEach(async () => {
    inserted.length = 0;
    audited.length = 0;
    findClient.mockClear();
    const moduleRef = await Test.createTestingModule({
      providers: [
        AssessmentsService,
        { provide: EventFactory, useValue: new EventFactory('intake') },
        {
          provide: AssessmentsRepository,
          useValue: { insert: async (assessment: Assessment, events: OutboxEntry[]) => void inserted.push({ assessment, events }) },
        },
        { provide: ClientsRepository, useValue: { findById: findClient } },
        { provide: AuditService, useValue: { record: async (entry: AuditEntry) => void audited.push(entry) } },
      ],
    }).compile();
    service = moduleRef.get(AssessmentsService);
  });

  const inRequest = <T>(fn: () => Promise<T>): Promise<T> => RequestContext.run({ correlationId: 'corr-unit', tenantId: TENANT }, fn);

  it('groups problems by field, keeping their order', () => {
    expect(
      toFieldErrors([
        { field: 'answers', message: "missing required item 'a'" },
        { field: 'answers[1].value', message: 'must be one of: 0, 1' },
        { field: 'answers', message: "missing required item 'b'" },
      ]),
    ).toEqual([
      { field: 'answers', messages: ["missing required item 'a'", "missing required item 'b'"] },
      { field: 'answers[1].value', messages: ['must be one of: 0, 1'] },
    ]);
  });

  it('refuses invalid answers before reading or storing anything', async () => {
    const error = await inRequest(() => service.submit(principal, CLIENT_ID, phq9([0, 0, 0, 0, 0, 0, 0, 0, 4]))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).fields).toEqual([{ field: 'answers[8].value', messages: ['must be one of: 0, 1, 2, 3'] }]);
    expect(findClient).not.toHaveBeenCalled();
    expect(inserted).toEqual([]);
    expect(audited).toEqual([]);
  });

  it('refuses a completion time in the future', async () => {
    const dto = { ...phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]), completedAt: new Date(Date.now() + 3_600_000).toISOString() };
    const error = await inRequest(() => service.submit(principal, CLIENT_ID, dto)).catch((e: unknown) => e);
    expect((error as RequestValidationError).fields).toEqual([{ field: 'completedAt', messages: ['completedAt must not be in the future'] }]);
    expect(inserted).toEqual([]);
  });

  it("answers 404 for another tenant's client and stores nothing", async () => {
    const other: Principal = { ...principal, tenantId: 'tenant-other' };
    await expect(
      RequestContext.run({ correlationId: 'c', tenantId: 'tenant-other' }, () =>
        service.submit(other, CLIENT_ID, phq9([0, 0, 0, 0, 0, 0, 0, 0, 0])),
      ),
    ).rejects.toBeInstanceOf(NotFoundException);
    expect(inserted).toEqual([]);
  });

  it('stores the assessment with its NeedAssessed event: needs and result, context from the client, no answers', async () => {
    const view = await inRequest(() => service.submit(principal, CLIENT_ID, phq9([3, 3, 3, 3, 0, 0, 0, 0, 2])));
    expect(inserted).toHaveLength(1);
    const [{ assessment, events }] = inserted;
    expect(assessment).toMatchObject({ _id: view.id, tenantId: TENANT, clientId: CLIENT_ID, total: 14, band: 'moderate', urgent: true });
    expect(assessment.answers[8]).toEqual({ itemKey: 'self-harm-thoughts', loinc: '44260-8', value: 2, answerCode: 'LA6570-1' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ topic: NeedAssessed.topic, key: CLIENT_ID });
    const payload = JSON.parse(events[0].value) as Record<string, unknown>;
    expect(payload).toMatchObject({
      assessmentId: view.id,
      result: { total: 14, band: 'moderate', positive: true },
      context: {
        preferredLanguage: 'es',
        ageBand: expect.stringMatching(/^(65-74|75\+)$/),
        area: { postalCode: '00000', latitude: 42.34, longitude: -71.07 },
      },
      consentToShare: true,
    });
    expect((payload['needs'] as Array<{ needId: string; category: string }>).map((n) => [n.needId, n.category])).toEqual(
      assessment.needs.map((n) => [n.needId, n.category]),
    );
    expect(assessment.needs.map((n) => n.category)).toEqual(['depression', 'self-harm-risk']);
    expect(events[0].value).not.toContain('answers');
    expect(events[0].value).not.toContain('1 Fake Street');
    expect(audited).toEqual([{ action: 'create', resourceType: 'Assessment', resourceId: view.id, clientId: CLIENT_ID }]);
  });
});
