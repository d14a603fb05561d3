import { getModelToken } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import {
  ClientRegistered,
  decodeEvent,
  fromKafkaRecord,
  NeedAssessed,
  ReferralReceived,
  Roles,
  Topics,
} from '@careloop/contracts';
import { OutboxRelay, topicName } from '@careloop/messaging';
import { eventually, ReceivedRecord, startTestApp, TestApp, TopicRecorder } from '@careloop/testing';
import type { Model } from 'mongoose';
import { Assessment } from './assessment/schemas/assessment.schema';
import { Client } from './clients/schemas/client.schema';

const TENANT_A = 'tenant-intake-a';
const TENANT_B = 'tenant-intake-b';
const CLIENT_REGISTERED = topicName(Topics.ClientRegistered);
const NEED_ASSESSED = topicName(Topics.NeedAssessed);
const REFERRAL_RECEIVED = topicName(Topics.ReferralReceived);

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

/** Letters only: the duplicate match key drops everything else, so digits would make every fake family name equal. */
function uniqueLetters(): string {
  return randomUUID()
    .replace(/-/g, '')
    .slice(0, 10)
    .replace(/\d/g, (d) => String.fromCharCode(103 + Number(d)));
}

interface FakeClientBody {
  name: { given: string[]; family: string };
  birthDate: string;
  sex: string;
  preferredLanguage: string;
  address: { line: string[]; city: string; state: string; postalCode: string; latitude: number; longitude: number };
  identifiers: Array<{ system: string; value: string }>;
  coverage: Array<{ kind: string; memberId?: string }>;
  consent: Record<string, boolean>;
  contact: { preferredChannel: string; email: string; phone: string };
}

/** An obviously fake person, unique per call so duplicate detection only links what a test links on purpose. */
function fakeClient(): FakeClientBody {
  const letters = uniqueLetters();
  return {
    name: { given: ['Testina'], family: `Fakerson${letters}` },
    birthDate: '1961-07-23',
    sex: 'female',
    preferredLanguage: 'es',
    address: {
      line: [`42 Nowhere ${letters} Lane`],
      city: 'Faketown',
      state: 'MA',
      postalCode: '02118',
      latitude: 42.33712,
      longitude: -71.07254,
    },
    identifiers: [{ system: 'mrn', value: `MRN-FAKE-${letters}` }],
    coverage: [{ kind: 'medicaid', memberId: `MEMBER-FAKE-${letters}` }],
    consent: { shareWithCommunityOrganizations: true, shareWithPartners: false, contactByEmail: true, contactBySms: false },
    contact: { preferredChannel: 'email', email: `testina.${letters}@example.invalid`, phone: '+15555550142' },
  };
}

function phq9(values: number[]): Array<{ itemKey: string; value: number }> {
  return values.map((value, i) => ({ itemKey: PHQ9_KEYS[i], value }));
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  }
  return [];
}

describe('intake against the real broker and database', () => {
  let testApp: TestApp;
  let recorder: TopicRecorder;
  let relay: OutboxRelay;
  let assessments: Model<Assessment>;
  let clients: Model<Client>;
  let staffA: string;
  let staffB: string;
  let adminA: string;
  let partnerA: string;
  // Everything the service writes to stdout during the suite: pino writes JSON lines there.
  const logLines: string[] = [];
  let stdoutSpy: jest.SpyInstance | undefined;

  type Method = 'GET' | 'POST' | 'PUT';
  async function call(method: Method, url: string, token: string | undefined, body?: object, correlationId?: string) {
    const headers: Record<string, string> = {};
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (correlationId) headers['x-correlation-id'] = correlationId;
    return testApp.app.inject({ method, url, headers, ...(body ? { payload: body } : {}) });
  }

  async function register(body: FakeClientBody, token = staffA, correlationId?: string): Promise<{ id: string; possibleDuplicateOf: string[] }> {
    const res = await call('POST', '/clients', token, body, correlationId);
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  const onTopic = (topic: string, key: string): ReceivedRecord[] => recorder.on(topic).filter((r) => r.key === key);

  async function landedOnce(topic: string, key: string): Promise<ReceivedRecord> {
    const [record] = await eventually(() => {
      const found = onTopic(topic, key);
      expect(found).toHaveLength(1);
      return found;
    });
    return record;
  }

  beforeAll(async () => {
    // Installed before the app builds its logger: pino then writes through process.stdout.write instead of fd 1.
    stdoutSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      logLines.push(...text.split('\n').filter(Boolean));
      return true;
    });
    // Imported only now so the logger is built at info level whatever the caller's LOG_LEVEL: lines must exist to be checked.
    process.env['LOG_LEVEL'] = 'info';
    const { AppModule } = jest.requireActual<typeof import('./app.module')>('./app.module');
    testApp = await startTestApp(AppModule, { service: 'intake', env: { LOG_LEVEL: 'info' } });
    relay = testApp.app.get(OutboxRelay);
    assessments = testApp.app.get(getModelToken(Assessment.name));
    clients = testApp.app.get(getModelToken(Client.name));
    recorder = await new TopicRecorder([CLIENT_REGISTERED, NEED_ASSESSED, REFERRAL_RECEIVED]).start();
    staffA = await testApp.token({ tenantId: TENANT_A, roles: [Roles.CareManager], subject: 'care-manager-a1' });
    staffB = await testApp.token({ tenantId: TENANT_B, roles: [Roles.CareManager], subject: 'care-manager-b1' });
    adminA = await testApp.token({ tenantId: TENANT_A, roles: [Roles.Admin], subject: 'admin-a1' });
    partnerA = await testApp.token({ tenantId: TENANT_A, roles: [Roles.Partner], subject: 'partner-a1', partnerId: 'partner-fake' });
  });

  afterAll(async () => {
    await recorder?.stop();
    await testApp?.close();
    stdoutSpy?.mockRestore();
  });

  describe('client registration', () => {
    it('stores the client and publishes ClientRegistered once, with a valid envelope and the request correlation id', async () => {
      const correlationId = `corr-register-${uniqueLetters()}`;
      const { id } = await register(fakeClient(), staffA, correlationId);

      const record = await landedOnce(CLIENT_REGISTERED, id);
      expect(record.headers['ce_correlationid']).toBe(correlationId);
      const envelope = decodeEvent(ClientRegistered, fromKafkaRecord(record));
      expect(envelope).toMatchObject({
        specversion: '1.0',
        type: ClientRegistered.type,
        source: '/careloop/intake',
        subject: id,
        tenantid: TENANT_A,
        correlationid: correlationId,
        data: {
          clientId: id,
          context: { preferredLanguage: 'es', ageBand: expect.any(String), area: { postalCode: '02118', latitude: 42.34, longitude: -71.07 } },
        },
      });

      // Published and removed from the outbox: a further relay pass publishes nothing again.
      await relay.flush();
      const stored = await clients.findOne({ tenantId: TENANT_A, _id: id }).lean<Client & { outbox: unknown[] }>();
      expect(stored?.outbox).toEqual([]);
      expect(onTopic(CLIENT_REGISTERED, id)).toHaveLength(1);
    });

    it('refuses an invalid body with field-level messages', async () => {
      const body = fakeClient();
      const res = await call('POST', '/clients', staffA, {
        ...body,
        birthDate: '23/07/1961',
        address: { ...body.address, postalCode: '!' },
      });
      expect(res.statusCode).toBe(400);
      const fields = (res.json().fields as Array<{ field: string; messages: string[] }>).map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['birthDate', 'address.postalCode']));
      // Messages name the rule, never the submitted value.
      expect(res.body).not.toContain('23/07/1961');
    });

    it('requires a token, the right role and the right tenant', async () => {
      const { id } = await register(fakeClient());
      expect((await call('GET', `/clients/${id}`, undefined)).statusCode).toBe(401);
      expect((await call('GET', `/clients/${id}`, partnerA)).statusCode).toBe(403);
      expect((await call('POST', '/clients', partnerA, fakeClient())).statusCode).toBe(403);
      expect((await call('GET', `/clients/${id}`, staffB)).statusCode).toBe(404);
      expect((await call('GET', `/clients/${id}`, staffA)).statusCode).toBe(200);
    });

    it('flags likely duplicates (same name and birth date, or same MRN) without merging them', async () => {
      const first = fakeClient();
      const { id: firstId } = await register(first);

      const sameNameAndBirthDate = { ...fakeClient(), name: first.name, birthDate: first.birthDate };
      const byName = await register(sameNameAndBirthDate);
      expect(byName.id).not.toBe(firstId);
      expect(byName.possibleDuplicateOf).toContain(firstId);

      const other = fakeClient();
      const firstOfMrn = await register(other);
      const sameMrn = await register({ ...fakeClient(), identifiers: other.identifiers });
      expect(sameMrn.possibleDuplicateOf).toEqual([firstOfMrn.id]);

      // Another tenant's records are never offered as duplicates.
      const inB = await register({ ...first }, staffB);
      expect(inB.possibleDuplicateOf).toEqual([]);
    });
  });

  describe('assessments', () => {
    it('stores a PHQ-9 with item 9 positive and publishes an urgent self-harm-risk need, never the answers', async () => {
      const { id: clientId } = await register(fakeClient());
      const res = await call('POST', `/clients/${clientId}/assessments`, staffA, {
        instrument: 'PHQ-9',
        answers: phq9([1, 0, 0, 0, 0, 0, 0, 0, 1]),
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        clientId,
        instrument: 'PHQ-9',
        instrumentLoinc: '44249-1',
        total: 2,
        band: 'minimal',
        positive: true,
        urgent: true,
      });
      expect(body.answers).toContainEqual({ itemKey: 'self-harm-thoughts', loinc: '44260-8', value: 1, answerCode: 'LA6569-3' });

      const stored = await assessments.findOne({ tenantId: TENANT_A, _id: body.id }).lean();
      expect(stored).toMatchObject({ clientId, recordedBy: 'care-manager-a1', urgent: true, urgentReasons: ['phq9-item9-positive'] });
      expect(stored?.answers).toHaveLength(9);
      expect(stored?.observations.every((o) => o.derivedFrom.assessmentId === body.id)).toBe(true);

      const record = await landedOnce(NEED_ASSESSED, clientId);
      const { data } = decodeEvent(NeedAssessed, fromKafkaRecord(record));
      expect(data).toMatchObject({
        assessmentId: body.id,
        clientId,
        instrument: 'PHQ-9',
        result: { total: 2, band: 'minimal', positive: true },
        context: { preferredLanguage: 'es', area: { postalCode: '02118', latitude: 42.34, longitude: -71.07 } },
      });
      expect(data.needs).toEqual([
        expect.objectContaining({ category: 'self-harm-risk', urgent: true, urgentReason: 'phq9-item9-positive', domain: 'clinical' }),
      ]);
      expect(data.needs[0].needId).toBe(stored?.needs[0].needId);
      expect(keysOf(JSON.parse(record.value ?? '{}'))).not.toContain('answers');
      expect(record.value).not.toContain('self-harm-thoughts');
    });

    it('publishes NeedAssessed when nothing is positive, with an empty list of needs', async () => {
      const { id: clientId } = await register(fakeClient());
      const res = await call('POST', `/clients/${clientId}/assessments`, staffA, {
        instrument: 'PHQ-2',
        answers: [
          { itemKey: 'little-interest', value: 0 },
          { itemKey: 'feeling-down', value: 1 },
        ],
      });
      expect(res.statusCode).toBe(201);
      const { data } = decodeEvent(NeedAssessed, fromKafkaRecord(await landedOnce(NEED_ASSESSED, clientId)));
      expect(data).toMatchObject({ assessmentId: res.json().id, result: { total: 1, positive: false }, needs: [] });
    });

    it('refuses an invalid answer set with field paths, storing and publishing nothing', async () => {
      const { id: clientId } = await register(fakeClient());
      const count = () => assessments.countDocuments({ tenantId: TENANT_A, clientId });
      expect(await count()).toBe(0);

      const eightItems = await call('POST', `/clients/${clientId}/assessments`, staffA, {
        instrument: 'PHQ-9',
        answers: phq9([0, 0, 0, 0, 0, 0, 0, 0]),
      });
      expect(eightItems.statusCode).toBe(400);
      expect(eightItems.json().fields).toEqual([
        { field: 'answers', messages: [expect.stringContaining("missing required item 'self-harm-thoughts'")] },
      ]);

      const outOfRange = await call('POST', `/clients/${clientId}/assessments`, staffA, {
        instrument: 'PHQ-9',
        answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 4]),
      });
      expect(outOfRange.statusCode).toBe(400);
      expect(outOfRange.json()).toMatchObject({
        message: 'Request validation failed',
        fields: [{ field: 'answers[8].value', messages: ['must be one of: 0, 1, 2, 3'] }],
      });

      const wrongShape = await call('POST', `/clients/${clientId}/assessments`, staffA, { instrument: 'PHQ-10', answers: [] });
      expect(wrongShape.statusCode).toBe(400);
      expect(wrongShape.json().fields.map((f: { field: string }) => f.field)).toContain('instrument');

      expect(await count()).toBe(0);
      // A valid submission afterwards is the only NeedAssessed of this client: the refused ones left nothing to relay.
      const valid = await call('POST', `/clients/${clientId}/assessments`, staffA, {
        instrument: 'PHQ-9',
        answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]),
      });
      expect(valid.statusCode).toBe(201);
      const record = await landedOnce(NEED_ASSESSED, clientId);
      expect(decodeEvent(NeedAssessed, fromKafkaRecord(record)).data.assessmentId).toBe(valid.json().id);
      await relay.flush();
      expect(onTopic(NEED_ASSESSED, clientId)).toHaveLength(1);
      expect(await count()).toBe(1);
    });

    it("answers 404 for an unknown client and for another tenant's client or assessment", async () => {
      const body = { instrument: 'PHQ-2', answers: [{ itemKey: 'little-interest', value: 0 }, { itemKey: 'feeling-down', value: 0 }] };
      expect((await call('POST', `/clients/${randomUUID()}/assessments`, staffA, body)).statusCode).toBe(404);
      const { id: clientId } = await register(fakeClient());
      expect((await call('POST', `/clients/${clientId}/assessments`, staffB, body)).statusCode).toBe(404);
      expect((await call('GET', `/clients/${clientId}/assessments`, staffB)).statusCode).toBe(404);
      const created = await call('POST', `/clients/${clientId}/assessments`, staffA, body);
      expect(created.statusCode).toBe(201);
      expect((await call('GET', `/assessments/${created.json().id}`, staffB)).statusCode).toBe(404);
      expect((await call('GET', `/assessments/${created.json().id}`, staffA)).json()).toMatchObject({ id: created.json().id, clientId });
      expect((await call('GET', `/clients/${clientId}/assessments`, staffA)).json()).toEqual([
        expect.objectContaining({ id: created.json().id }),
      ]);
      expect((await call('GET', `/clients/${clientId}/assessments`, adminA)).statusCode).toBe(403);
      expect((await call('POST', `/clients/${clientId}/assessments`, partnerA, body)).statusCode).toBe(403);
    });
  });

  describe('inbound referrals', () => {
    it('stores the referral and publishes ReferralReceived with its reason code but never the note', async () => {
      const { id: clientId } = await register(fakeClient());
      const note = 'Fake note: discharged after a fake fall, lives alone';
      const reasonCode = { system: 'http://snomed.info/sct', code: '733423003', display: 'Food insecurity' };
      const res = await call('POST', `/clients/${clientId}/referrals`, staffA, { source: 'hospital-discharge', reasonCode, note });
      expect(res.statusCode).toBe(201);
      const referral = res.json();
      expect(referral).toMatchObject({ clientId, source: 'hospital-discharge', reasonCode, note, recordedBy: 'care-manager-a1' });

      const record = await landedOnce(REFERRAL_RECEIVED, clientId);
      const { data } = decodeEvent(ReferralReceived, fromKafkaRecord(record));
      expect(data).toEqual({ referralId: referral.id, clientId, source: 'hospital-discharge', receivedAt: referral.receivedAt, reasonCode });
      expect(record.value).not.toContain('Fake note');

      const list = await call('GET', `/clients/${clientId}/referrals`, staffA);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([expect.objectContaining({ id: referral.id, note })]);
    });

    it('refuses an unknown source and answers 404 across tenants', async () => {
      const { id: clientId } = await register(fakeClient());
      const bad = await call('POST', `/clients/${clientId}/referrals`, staffA, { source: 'fax-machine', reasonCode: { system: 'x', code: '' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(['source', 'reasonCode.system', 'reasonCode.code']),
      );
      expect((await call('POST', `/clients/${clientId}/referrals`, staffB, { source: 'self' })).statusCode).toBe(404);
      expect((await call('GET', `/clients/${clientId}/referrals`, staffB)).statusCode).toBe(404);
    });
  });

  it("writes no personal field of a client into any log line while handling the client's data", async () => {
    const from = logLines.length;
    const person = fakeClient();
    const tag = uniqueLetters();
    const { id } = await register(person, staffA, `corr-log-register-${tag}`);
    expect((await call('GET', `/clients/${id}`, staffA, undefined, `corr-log-read-${tag}`)).statusCode).toBe(200);
    const assessed = await call(
      'POST',
      `/clients/${id}/assessments`,
      staffA,
      { instrument: 'PHQ-9', answers: phq9([3, 3, 3, 3, 3, 3, 3, 3, 3]) },
      `corr-log-assess-${tag}`,
    );
    expect(assessed.statusCode).toBe(201);
    await landedOnce(NEED_ASSESSED, id);

    const lines = logLines.slice(from);
    // The capture works: each request left its own lines (a test that sees no lines proves nothing).
    for (const step of ['register', 'read', 'assess']) {
      expect(lines.some((line) => line.includes(`corr-log-${step}-${tag}`))).toBe(true);
    }
    const personal = [
      ...person.name.given,
      person.name.family,
      person.birthDate,
      person.contact.phone,
      person.contact.email,
      person.address.line[0],
      person.identifiers[0].value,
    ];
    for (const line of lines) {
      for (const value of personal) expect(line).not.toContain(value);
    }
  });

  it('lists the create and the read of a client in the audit trail, for admins only', async () => {
    const { id } = await register(fakeClient(), staffA, `corr-audit-${uniqueLetters()}`);
    expect((await call('GET', `/clients/${id}`, staffA)).statusCode).toBe(200);
    const assessed = await call('POST', `/clients/${id}/assessments`, staffA, {
      instrument: 'GAD-2',
      answers: [
        { itemKey: 'nervous-anxious', value: 0 },
        { itemKey: 'cannot-stop-worrying', value: 0 },
      ],
    });
    expect(assessed.statusCode).toBe(201);
    const res = await call('GET', `/audit?clientId=${id}`, adminA);
    expect(res.statusCode).toBe(200);
    type Item = { action: string; resourceType: string; resourceId: string; actor: { subject: string }; tenantId: string };
    const items = res.json().items as Item[];
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'create',
          resourceType: 'Client',
          resourceId: id,
          actor: expect.objectContaining({ subject: 'care-manager-a1' }),
        }),
        expect.objectContaining({ action: 'read', resourceType: 'Client', resourceId: id }),
      ]),
    );
    expect(items).toContainEqual(expect.objectContaining({ action: 'create', resourceType: 'Assessment', resourceId: assessed.json().id }));
    expect(items.every((e) => e.tenantId === TENANT_A)).toBe(true);
    expect((await call('GET', `/audit?clientId=${id}`, staffA)).statusCode).toBe(403);
  });

  it('documents every intake endpoint in the OpenAPI description', async () => {
    const res = await call('GET', '/docs-json', undefined);
    expect(res.statusCode).toBe(200);
    type Operation = { tags?: string[]; security?: unknown[]; responses: Record<string, unknown> };
    const paths = res.json().paths as Record<string, Record<string, Operation>>;
    const expected: Array<[string, string, string, string]> = [
      ['/clients/{clientId}/assessments', 'post', 'assessments', '201'],
      ['/clients/{clientId}/assessments', 'get', 'assessments', '200'],
      ['/assessments/{id}', 'get', 'assessments', '200'],
      ['/clients/{clientId}/referrals', 'post', 'referrals', '201'],
      ['/clients/{clientId}/referrals', 'get', 'referrals', '200'],
    ];
    for (const [path, method, tag, status] of expected) {
      const operation = paths[path]?.[method];
      expect(operation?.tags).toEqual([tag]);
      expect(operation?.security).toEqual([{ bearer: [] }]);
      expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining([status, '401', '403', '404']));
    }
  });
});
