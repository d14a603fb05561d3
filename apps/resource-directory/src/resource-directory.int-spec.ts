import { getModelToken } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import {
  decodeEvent,
  fromKafkaRecord,
  ReferralMade,
  ReferralStatusChanged,
  ResourcesMatched,
  Roles,
  Topics,
  type ReferralMadeV1,
  type ReferralStatusChangedV1,
  type ResourcesMatchedV1,
} from '@careloop/contracts';
import { EventFactory, topicName } from '@careloop/messaging';
import { AUDIT_EVENT_MODEL, type AuditEvent } from '@careloop/security';
import { eventually, startTestApp, testKafka, TopicRecorder, type ReceivedRecord, type TestApp } from '@careloop/testing';
import type { Producer } from 'kafkajs';
import type { Model } from 'mongoose';
import { AppModule } from './app.module';
import type { HsdsImportDocument } from './directory/domain/hsds.types';
import { baseLanguage } from './directory/domain/language-tags';
import { GeoSearchCapability } from './directory/geo-search-capability.service';
import { DIRECTORY_SERVICE_MODEL, type DirectoryServiceRecord } from './directory/schemas/directory-service.schema';
import { DEFAULT_SEED_CENTER, generateSeedDirectory } from './directory/seed/generate-seed-directory';
import { haversineKm } from './matching/domain/geo-distance';
import { isOpenAt } from './matching/domain/opening-hours';
import type { ServiceSearchPageDto, ServiceSummaryDto } from './search/dto/service-search-page.dto';
import { Referral } from './referrals/schemas/referral.schema';

const TENANT = 'tenant-rd-a';
const IMPORT_TENANT = 'tenant-rd-import';
const FRESH_TENANT = 'tenant-rd-fresh';
const RESOURCES_MATCHED = topicName(Topics.ResourcesMatched);
const STATUS_CHANGED = topicName(Topics.ReferralStatusChanged);
const REFERRAL_MADE = topicName(Topics.ReferralMade);
const TIME_ZONE = 'America/New_York';
/** A Wednesday, 11:00 in New York: weekday and Monday-Wednesday-Friday hours are open, evening hours are not. */
const WEDNESDAY_LATE_MORNING = '2025-06-04T15:00:00.000Z';
const CENTER = { latitude: DEFAULT_SEED_CENTER.lat, longitude: DEFAULT_SEED_CENTER.lng };

describe('resource-directory against the real broker and database', () => {
  let testApp: TestApp;
  let recorder: TopicRecorder;
  let producer: Producer;
  let factory: EventFactory;
  let services: Model<DirectoryServiceRecord>;
  let referrals: Model<Referral>;
  let audit: Model<AuditEvent>;
  let admin: string;
  let careManager: string;
  let provider: string;

  type Method = 'GET' | 'POST' | 'PATCH';
  async function call(method: Method, url: string, token: string, body?: unknown) {
    return testApp.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  }

  beforeAll(async () => {
    testApp = await startTestApp(AppModule, { service: 'resource-directory', env: { DIRECTORY_TIME_ZONE: TIME_ZONE } });
    factory = testApp.app.get(EventFactory);
    services = testApp.app.get(getModelToken(DIRECTORY_SERVICE_MODEL));
    referrals = testApp.app.get(getModelToken(Referral.name));
    audit = testApp.app.get(getModelToken(AUDIT_EVENT_MODEL));
    recorder = await new TopicRecorder([RESOURCES_MATCHED, STATUS_CHANGED]).start();
    producer = testKafka().producer();
    await producer.connect();
    admin = await testApp.token({ tenantId: TENANT, roles: [Roles.Admin], subject: 'admin-fake-1' });
    careManager = await testApp.token({ tenantId: TENANT, roles: [Roles.CareManager], subject: 'cm-fake-1' });
    provider = await testApp.token({ tenantId: TENANT, roles: [Roles.Provider], subject: 'provider-fake-1' });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await testApp?.close();
  });

  describe('directory and search', () => {
    beforeAll(async () => {
      const res = await call('POST', '/directory/seed', admin, { count: 300, seed: 7 });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ imported: 300, rejected: [] });
    });

    it('uses the bounding box on the local server, where $geoNear does not work', async () => {
      await expect(testApp.app.get(GeoSearchCapability).strategy()).resolves.toBe('bounding-box');
    });

    it('only lets the roles that may search, search', async () => {
      const partner = await testApp.token({ tenantId: TENANT, roles: [Roles.Partner], partnerId: 'partner-fake' });
      expect((await call('GET', '/services', partner)).statusCode).toBe(403);
      expect((await call('POST', '/directory/seed', careManager, { count: 1 })).statusCode).toBe(403);
    });

    it('finds by category, radius, language, age and open now, sorted by distance, paginated', async () => {
      const query = { category: 'housing-instability', radiusKm: 20, language: 'es', age: 30 } as const;
      const stored = await services.find({ tenantId: TENANT }).lean<DirectoryServiceRecord[]>();
      const at = new Date(WEDNESDAY_LATE_MORNING);
      const distanceOf = (s: DirectoryServiceRecord): number => Math.min(...s.locations.map((l) => haversineKm(CENTER, l)));
      const fitsAllButHours = (s: DirectoryServiceRecord): boolean =>
        s.status === 'active' &&
        s.categoryKeys.includes(query.category) &&
        s.languages.some((tag) => baseLanguage(tag) === 'es') &&
        (s.minimumAge ?? 0) <= query.age &&
        (s.maximumAge ?? Infinity) >= query.age &&
        s.locations.length > 0 &&
        distanceOf(s) <= query.radiusKm;
      const expected = stored
        .filter((s) => fitsAllButHours(s) && isOpenAt(s.schedules, at, TIME_ZONE))
        .sort((a, b) => distanceOf(a) - distanceOf(b) || (a.id < b.id ? -1 : 1))
        .map((s) => s.id);
      // The seed must exercise every filter, or this test could pass with a filter ignored.
      expect(expected.length).toBeGreaterThan(4);
      expect(stored.filter((s) => fitsAllButHours(s) && !isOpenAt(s.schedules, at, TIME_ZONE)).length).toBeGreaterThan(0);
      expect(stored.some((s) => s.categoryKeys.includes(query.category) && distanceOf(s) > query.radiusKm)).toBe(true);
      expect(stored.some((s) => s.categoryKeys.includes(query.category) && !s.languages.some((t) => t.startsWith('es')))).toBe(true);
      expect(stored.some((s) => s.categoryKeys.includes(query.category) && (s.minimumAge ?? 0) > query.age)).toBe(true);

      const perPage = 3;
      const url = (page: number): string =>
        `/services?category=${query.category}&lat=${CENTER.latitude}&lng=${CENTER.longitude}&radiusKm=${query.radiusKm}` +
        `&language=es&age=${query.age}&openNow=true&at=${WEDNESDAY_LATE_MORNING}&page=${page}&perPage=${perPage}`;
      const pages: ServiceSummaryDto[] = [];
      for (let page = 1; page <= Math.ceil(expected.length / perPage); page += 1) {
        const res = await call('GET', url(page), careManager);
        expect(res.statusCode).toBe(200);
        const body = res.json<ServiceSearchPageDto>();
        expect(body).toMatchObject({ page, perPage, total: expected.length });
        expect(body.items.length).toBeLessThanOrEqual(perPage);
        pages.push(...body.items);
      }
      expect(pages.map((item) => item.id)).toEqual(expected);
      for (const [i, item] of pages.entries()) {
        expect(item.distanceKm).toBeLessThanOrEqual(query.radiusKm);
        if (i > 0) expect(item.distanceKm).toBeGreaterThanOrEqual(pages[i - 1].distanceKm ?? 0);
        expect(item.categoryKeys).toContain(query.category);
        expect(item.languages.some((tag) => baseLanguage(tag) === 'es')).toBe(true);
        expect(item).not.toHaveProperty('hsds');
        expect(item.description).toEqual(expect.any(String));
        expect(item.phones[0].number).toMatch(/^617-555-01\d\d$/);
      }
      const beyond = await call('GET', url(Math.ceil(expected.length / perPage) + 1), careManager);
      expect(beyond.json<ServiceSearchPageDto>()).toMatchObject({ items: [], total: expected.length });
    });

    it('searches words, the last one as a prefix, and pages without a radius by name', async () => {
      const stored = await services.find({ tenantId: TENANT, status: 'active' }).lean<DirectoryServiceRecord[]>();
      const expected = stored
        .filter((s) => s.searchTokens.includes('grocery') && s.searchTokens.some((t) => t.startsWith('distrib')))
        .map((s) => s.id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      const res = await call('GET', '/services?q=Grocery%20Distrib&perPage=100', provider);
      expect(res.statusCode).toBe(200);
      const body = res.json<ServiceSearchPageDto>();
      expect(body.total).toBe(expected.length);
      expect(body.items.map((item) => item.id).sort()).toEqual(expected);
      expect(body.items.every((item) => item.distanceKm === undefined)).toBe(true);
    });

    it('refuses inconsistent or out-of-range queries field by field', async () => {
      const res = await call('GET', '/services?lat=42.3&perPage=101', careManager);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['perPage']);
      const pair = await call('GET', '/services?lat=42.3', careManager);
      expect(pair.statusCode).toBe(400);
      expect(pair.json().fields).toEqual([{ field: 'lng', messages: ['lat and lng go together'] }]);
    });

    it('imports valid records, refuses invalid ones with per-record reasons, and is idempotent', async () => {
      const document = generateSeedDirectory({ count: 12, seed: 99 }) as unknown as {
        organizations: Array<Record<string, unknown> & { services: Array<Record<string, unknown>> }>;
      };
      const totalServices = document.organizations.reduce((n, o) => n + o.services.length, 0);
      const brokenOrganization = document.organizations[0];
      brokenOrganization['name'] = '';
      const withTwo = document.organizations.findIndex((o, i) => i > 0 && o.services.length >= 2);
      expect(withTwo).toBeGreaterThan(0);
      document.organizations[withTwo].services[0]['status'] = 'bogus';
      document.organizations[withTwo].services[1]['minimum_age'] = 70;
      document.organizations[withTwo].services[1]['maximum_age'] = 20;
      const importer = await testApp.token({ tenantId: IMPORT_TENANT, roles: [Roles.Admin] });

      const res = await call('POST', '/directory/import', importer, document);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const lost = brokenOrganization.services.length + 2;
      expect(body.imported).toBe(totalServices - lost);
      expect(body.rejected).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'organization', index: 0, reasons: [expect.stringMatching(/^name:/)] }),
          expect.objectContaining({ kind: 'service', index: withTwo, serviceIndex: 0, reasons: [expect.stringMatching(/^status:/)] }),
          expect.objectContaining({ kind: 'service', index: withTwo, serviceIndex: 1, reasons: ['minimum_age: greater than maximum_age'] }),
        ]),
      );
      expect(body.rejected).toHaveLength(3);
      expect(await services.countDocuments({ tenantId: IMPORT_TENANT })).toBe(totalServices - lost);

      const notHsds = await call('POST', '/directory/import', importer, { services: [] });
      expect(notHsds.statusCode).toBe(400);
      expect(notHsds.json().fields[0].field).toBe('organizations');

      const again = await call('POST', '/directory/import', importer, document);
      expect(again.json().imported).toBe(totalServices - lost);
      expect(await services.countDocuments({ tenantId: IMPORT_TENANT })).toBe(totalServices - lost);
      // The tenant's directory is its own.
      expect(await services.countDocuments({ tenantId: TENANT })).toBe(300);
    });

    it('exports a document that imports into a fresh tenant and exports back unchanged', async () => {
      const exported = await call('GET', '/directory/export', admin);
      expect(exported.statusCode).toBe(200);
      const first = exported.json<HsdsImportDocument>();
      expect(first.organizations.reduce((n, o) => n + (o.services?.length ?? 0), 0)).toBe(300);

      const fresh = await testApp.token({ tenantId: FRESH_TENANT, roles: [Roles.Admin] });
      const imported = await call('POST', '/directory/import', fresh, first);
      expect(imported.json()).toMatchObject({ imported: 300, rejected: [] });
      const second = await call('GET', '/directory/export', fresh);
      expect(second.json()).toEqual(first);
      expect(second.body).toBe(exported.body);
    });
  });

  describe('closed-loop referrals', () => {
    const recordsOf = (topic: string, referralId: string): ReceivedRecord[] =>
      recorder.on(topic).filter((record) => JSON.parse(record.value ?? '{}').referralId === referralId);

    function referralMade(overrides: Partial<ReferralMadeV1> = {}): ReferralMadeV1 {
      return {
        referralId: randomUUID(),
        clientId: randomUUID(),
        carePlanId: randomUUID(),
        needId: randomUUID(),
        needCategory: 'food-insecurity',
        urgency: 'routine',
        context: { preferredLanguage: 'es', ageBand: '26-44', area: { postalCode: '02118', latitude: 42.36, longitude: -71.06 } },
        consentToShare: true,
        requestedBy: 'cm-fake-1',
        requestedAt: new Date().toISOString(),
        ...overrides,
      };
    }

    async function produce(made: ReferralMadeV1, tenantId = TENANT): Promise<{ key: string; value: string; headers: Record<string, string> }> {
      const entry = factory.create(ReferralMade, made, { context: { tenantId, correlationId: `corr-${made.referralId}` } });
      const message = { key: entry.key, value: entry.value, headers: entry.headers };
      await producer.send({ topic: REFERRAL_MADE, messages: [message] });
      return message;
    }

    async function matchedEvent(referralId: string): Promise<ResourcesMatchedV1> {
      const [record] = await eventually(() => {
        const found = recordsOf(RESOURCES_MATCHED, referralId);
        expect(found).toHaveLength(1);
        return found;
      });
      return decodeEvent(ResourcesMatched, fromKafkaRecord(record)).data;
    }

    async function statusEvents(referralId: string, count: number): Promise<ReferralStatusChangedV1[]> {
      const found = await eventually(() => {
        const records = recordsOf(STATUS_CHANGED, referralId);
        expect(records).toHaveLength(count);
        return records;
      });
      return found.map((record) => decodeEvent(ReferralStatusChanged, fromKafkaRecord(record)).data);
    }

    let made: ReferralMadeV1;
    let selectedOrganizationId: string;
    let orgUser: string;
    let otherOrgUser: string;

    beforeAll(async () => {
      made = referralMade();
      await produce(made);
    });

    it('matches a ReferralMade: ResourcesMatched with reasons and ReferralStatusChanged(requested) on Kafka, the referral stored', async () => {
      const matched = await matchedEvent(made.referralId);
      expect(matched.clientId).toBe(made.clientId);
      expect(matched.candidates.length).toBeGreaterThan(0);
      expect(matched.selectedServiceId).toBe(matched.candidates[0].serviceId);
      for (const candidate of matched.candidates) {
        expect(candidate.reasons.length).toBeGreaterThan(0);
        expect(candidate.score).toBeGreaterThan(0);
      }
      expect(matched.candidates[0].reasons).toEqual(expect.arrayContaining(['category-match', 'age-eligible']));
      const scores = matched.candidates.map((c) => c.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);

      const [requested] = await statusEvents(made.referralId, 1);
      expect(requested).toMatchObject({
        referralId: made.referralId,
        clientId: made.clientId,
        needCategory: 'food-insecurity',
        from: 'draft',
        status: 'requested',
        changedBy: 'system',
        serviceId: matched.selectedServiceId,
      });
      selectedOrganizationId = requested.organizationId ?? '';
      expect(selectedOrganizationId).not.toBe('');

      const stored = await referrals.findOne({ tenantId: TENANT, _id: made.referralId }).lean<Referral>();
      expect(stored).toMatchObject({
        status: 'requested',
        clientId: made.clientId,
        selectedServiceId: matched.selectedServiceId,
        selectedOrganizationId,
        consentToShare: true,
        version: 1,
      });
      expect(stored?.statusHistory.map((entry) => entry.status)).toEqual(['draft', 'requested']);
      expect(stored?.candidates).toHaveLength(matched.candidates.length);

      orgUser = await testApp.token({ tenantId: TENANT, roles: [Roles.Organization], organizationId: selectedOrganizationId, subject: 'org-fake-1' });
      otherOrgUser = await testApp.token({ tenantId: TENANT, roles: [Roles.Organization], organizationId: 'org-not-selected', subject: 'org-fake-2' });
    });

    it('shows the receiving organization its referrals with the minimum necessary, and nobody else their referrals', async () => {
      const list = await call('GET', '/referrals', orgUser);
      expect(list.statusCode).toBe(200);
      const item = list.json().items.find((r: { id: string }) => r.id === made.referralId);
      expect(item).toMatchObject({
        clientId: made.clientId,
        needCategory: 'food-insecurity',
        urgency: 'routine',
        status: 'requested',
        client: { preferredLanguage: 'es', ageBand: '26-44', area: { postalCode: '02118' } },
        allowedTransitions: expect.arrayContaining(['accepted', 'rejected', 'cancelled']),
      });
      for (const hidden of ['candidates', 'carePlanId', 'needId', 'requestedBy', 'matchedAt']) expect(item).not.toHaveProperty(hidden);
      expect(item.client.area).not.toHaveProperty('latitude');

      expect((await call('GET', '/referrals', otherOrgUser)).json().items).toEqual([]);
      expect((await call('GET', `/referrals/${made.referralId}`, otherOrgUser)).statusCode).toBe(404);

      const full = await call('GET', `/referrals?clientId=${made.clientId}`, careManager);
      expect(full.json().items[0]).toMatchObject({ id: made.referralId, carePlanId: made.carePlanId, candidates: expect.any(Array) });
      const unscoped = await call('GET', '/referrals', careManager);
      expect(unscoped.statusCode).toBe(400);
      expect(unscoped.json().fields[0].field).toBe('clientId');

      await eventually(async () => {
        const reads = await audit.find({ tenantId: TENANT, resourceType: 'Referral', resourceId: made.referralId }).lean();
        expect(reads.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'read', 'access-denied']));
      });
    });

    it('runs the closed loop: accept, refuse other organizations and invalid moves, complete with an outcome', async () => {
      const url = `/referrals/${made.referralId}/status`;
      expect((await call('PATCH', url, otherOrgUser, { status: 'accepted' })).statusCode).toBe(404);

      const accepted = await call('PATCH', url, orgUser, { status: 'accepted', expectedVersion: 1 });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({ status: 'accepted', version: 2 });

      const backwards = await call('PATCH', url, orgUser, { status: 'requested' });
      expect(backwards.statusCode).toBe(409);
      expect(backwards.json().message).toBe('a referral cannot go from accepted to requested');
      expect((await call('PATCH', url, careManager, { status: 'completed', outcome: 'got-help' })).statusCode).toBe(403);
      expect((await call('PATCH', url, orgUser, { status: 'accepted', expectedVersion: 1 })).statusCode).toBe(409);

      const missing = await call('PATCH', url, orgUser, { status: 'completed' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().fields).toEqual([{ field: 'outcome', messages: ['outcome is required for completed'] }]);

      const completed = await call('PATCH', url, orgUser, { status: 'completed', outcome: 'got-help' });
      expect(completed.statusCode).toBe(200);
      expect(completed.json()).toMatchObject({ status: 'completed', outcome: 'got-help', version: 3, allowedTransitions: [] });

      const events = await statusEvents(made.referralId, 3);
      expect(events.map((e) => [e.from, e.status, e.changedBy, e.outcome])).toEqual([
        ['draft', 'requested', 'system', undefined],
        ['requested', 'accepted', 'receiver', undefined],
        ['accepted', 'completed', 'receiver', 'got-help'],
      ]);
      expect(events.every((e) => e.organizationId === selectedOrganizationId && e.needCategory === 'food-insecurity')).toBe(true);

      const stored = await referrals.findOne({ tenantId: TENANT, _id: made.referralId }).lean<Referral>();
      expect(stored?.statusHistory.map((entry) => entry.status)).toEqual(['draft', 'requested', 'accepted', 'completed']);
      expect(await audit.countDocuments({ tenantId: TENANT, resourceId: made.referralId, action: 'update' })).toBe(2);
    });

    it('gives the same ReferralMade delivered twice one referral and one set of events', async () => {
      const twice = referralMade();
      const message = await produce(twice);
      await matchedEvent(twice.referralId);
      await producer.send({ topic: REFERRAL_MADE, messages: [message] });
      // Another event for the same referral id (a producer retry with a new event id).
      await produce({ ...twice });
      // A later event on the same key, so on the same partition: once it is handled, the repeats were too.
      const marker = referralMade({ clientId: twice.clientId });
      await produce(marker);
      await matchedEvent(marker.referralId);

      expect(recordsOf(RESOURCES_MATCHED, twice.referralId)).toHaveLength(1);
      expect(recordsOf(STATUS_CHANGED, twice.referralId)).toHaveLength(1);
      expect(await referrals.countDocuments({ tenantId: TENANT, _id: twice.referralId })).toBe(1);
    });

    it('keeps a referral nothing matches as a draft, and says so with an empty ResourcesMatched', async () => {
      const nowhere = referralMade({
        needCategory: 'legal',
        context: { preferredLanguage: 'en', ageBand: '45-64', area: { latitude: -33.87, longitude: 151.21 } },
        consentToShare: false,
      });
      await produce(nowhere);
      const matched = await matchedEvent(nowhere.referralId);
      expect(matched.candidates).toEqual([]);
      expect(matched.selectedServiceId).toBeUndefined();
      const stored = await eventually(async () => {
        const found = await referrals.findOne({ tenantId: TENANT, _id: nowhere.referralId }).lean<Referral>();
        expect(found).not.toBeNull();
        return found;
      });
      expect(stored).toMatchObject({ status: 'draft', statusReason: 'no-matching-service' });
      expect(stored?.selectedServiceId).toBeUndefined();
      expect(recordsOf(STATUS_CHANGED, nowhere.referralId)).toEqual([]);
      const view = await call('GET', `/referrals/${nowhere.referralId}`, careManager);
      expect(view.json()).toMatchObject({ status: 'draft', allowedTransitions: ['entered-in-error'] });
    });
  });

  describe('start-up seed', () => {
    it('fills the configured tenant once, and leaves a directory that has services alone', async () => {
      const tenantId = `tenant-rd-demo-${randomUUID().slice(0, 8)}`;
      const env = { DIRECTORY_SEED_TENANT: tenantId, DIRECTORY_SEED_COUNT: '25' };
      const saved = { ...process.env };
      try {
        const first = await startTestApp(AppModule, { service: 'resource-directory', consume: false, env });
        await first.close();
        expect(await services.countDocuments({ tenantId })).toBe(25);
        await services.deleteMany({ tenantId, id: { $ne: (await services.findOne({ tenantId }).lean())?.id } });
        const second = await startTestApp(AppModule, { service: 'resource-directory', consume: false, env });
        await second.close();
        expect(await services.countDocuments({ tenantId })).toBe(1);
      } finally {
        for (const key of Object.keys(env)) {
          if (saved[key] === undefined) delete process.env[key];
        }
      }
    });
  });
});
