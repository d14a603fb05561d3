import { Test } from '@nestjs/testing';
import { RequestValidationError } from '@careloop/runtime';
import { ResourceDirectoryEnv } from '../config/resource-directory.env';
import type { GeoStrategy } from '../directory/directory-geo';
import { DirectoryRepository } from '../directory/directory.repository';
import { GeoSearchCapability } from '../directory/geo-search-capability.service';
import { haversineKm } from '../matching/domain/geo-distance';
import { SINGLE_PASS_LIMIT, ServiceSearchService, toSearchCriteria } from './service-search.service';

const center = { latitude: 42.36, longitude: -71.06 };
/** Points due north of the centre, `km` away. */
const north = (km: number) => ({ latitude: center.latitude + km / 111.195, longitude: center.longitude });

function stored(id: string, name: string, kmNorth: number[], schedules: object[] = []) {
  return {
    id,
    name,
    organizationId: `org-${id}`,
    organizationName: 'Fake Org',
    status: 'active',
    categoryKeys: ['food-insecurity'],
    taxonomyCodes: [],
    languages: ['en'],
    interpretationAvailable: false,
    capacityStatus: 'has-capacity',
    capacityReported: false,
    locations: kmNorth.map((km, i) => ({ id: `${id}-loc-${i}`, ...north(km) })),
    schedules,
    hsds: { description: `About ${name}`, phones: [{ number: '617-555-0100', type: 'voice', id: 'p' }] },
  };
}

describe('ServiceSearchService', () => {
  const all = [
    stored('c', 'Charlie', [3]),
    stored('a', 'Alpha', [9, 1]),
    stored('b', 'Bravo', [5.02]),
    stored('d', 'Delta', [2], [{ freq: 'WEEKLY', byday: 'WE', opens_at: '09:00', closes_at: '17:00' }]),
  ];
  const repository = {
    // A fake ignores projections: it returns whole documents, which the service must not mind.
    find: jest.fn(async (): Promise<unknown[]> => all),
    findByIds: jest.fn(async (_tenant: string, ids: string[]) => all.filter((s) => ids.includes(s.id))),
    findPage: jest.fn(async () => [all[1]]),
    count: jest.fn(async () => 4),
  };
  let strategy: GeoStrategy = 'bounding-box';
  const geo = { strategy: jest.fn(async () => strategy) };
  let search: ServiceSearchService;

  beforeEach(async () => {
    jest.clearAllMocks();
    const env = Object.assign(new ResourceDirectoryEnv(), { DIRECTORY_TIME_ZONE: 'America/New_York' });
    const moduleRef = await Test.createTestingModule({
      providers: [
        ServiceSearchService,
        { provide: DirectoryRepository, useValue: repository },
        { provide: GeoSearchCapability, useValue: geo },
        { provide: ResourceDirectoryEnv, useValue: env },
      ],
    }).compile();
    search = moduleRef.get(ServiceSearchService);
  });

  it.each<GeoStrategy>(['geo-near', 'bounding-box'])(
    'with the %s strategy: pre-filters through it, keeps the exact radius, sorts by distance and pages',
    async (chosen) => {
      strategy = chosen;
      const page1 = await search.search('t1', { lat: center.latitude, lng: center.longitude, radiusKm: 5, perPage: 2 });
      expect(repository.find).toHaveBeenCalledWith(
        expect.objectContaining({ tenantId: 't1', status: 'active' }),
        expect.objectContaining({ strategy: chosen, near: { center, radiusKm: 5 }, limit: SINGLE_PASS_LIMIT + 1 }),
      );
      expect(repository.findByIds).not.toHaveBeenCalled();
      // b lies just beyond 5 km: a pre-filter may return it, the exact distance drops it.
      expect(page1.total).toBe(3);
      expect(page1.items.map((item) => item.id)).toEqual(['a', 'd']);
      expect(page1.items[0].distanceKm).toBe(Math.round(haversineKm(center, north(1)) * 100) / 100);
      expect(page1.items[0]).toMatchObject({ description: 'About Alpha', phones: [{ number: '617-555-0100', type: 'voice' }] });
      expect(page1.items[0]).not.toHaveProperty('hsds');
      const page2 = await search.search('t1', { lat: center.latitude, lng: center.longitude, radiusKm: 5, perPage: 2, page: 2 });
      expect(page2.items.map((item) => item.id)).toEqual(['c']);
    },
  );

  it('past the single-pass bound, reads only what deciding needs and then the chosen page', async () => {
    strategy = 'bounding-box';
    repository.find.mockImplementationOnce(async () => Array.from({ length: SINGLE_PASS_LIMIT + 1 }, () => all[0]));
    const result = await search.search('t1', { lat: center.latitude, lng: center.longitude, radiusKm: 5, perPage: 2 });
    expect(repository.find).toHaveBeenCalledTimes(2);
    expect(repository.find).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ projection: { id: 1, name: 1, locations: 1 } }));
    expect(repository.findByIds).toHaveBeenCalledWith('t1', ['a', 'd'], expect.any(Object));
    expect(result).toMatchObject({ total: 3 });
    expect(result.items.map((item) => item.id)).toEqual(['a', 'd']);
  });

  it('evaluates open now in code, ordered by name without a centre', async () => {
    // A Wednesday, 11:00 in New York.
    const result = await search.search('t1', { openNow: true, at: '2025-06-04T15:00:00.000Z' });
    expect(geo.strategy).not.toHaveBeenCalled();
    expect(result.items.map((item) => item.id)).toEqual(['d']);
    expect(result.items[0].distanceKm).toBeUndefined();
  });

  it('lets the database page when nothing needs deciding in code', async () => {
    const result = await search.search('t1', { category: 'food-insecurity', page: 2, perPage: 1 });
    expect(repository.findPage).toHaveBeenCalledWith(expect.objectContaining({ categoryKeys: 'food-insecurity' }), expect.any(Object), { name: 1, id: 1 }, 1, 1);
    expect(repository.find).not.toHaveBeenCalled();
    expect(result).toMatchObject({ page: 2, perPage: 1, total: 4 });
  });
});

describe('toSearchCriteria', () => {
  const now = new Date('2025-06-04T15:00:00.000Z');
  const fieldsOf = (fn: () => unknown): string[] => {
    try {
      fn();
    } catch (err) {
      if (err instanceof RequestValidationError) return err.fields.map((f) => f.field);
      throw err;
    }
    return [];
  };

  it('refuses half a point, a radius without one, an unknown language tag, and `at` without openNow', () => {
    expect(fieldsOf(() => toSearchCriteria('t', { lat: 1 }, now))).toEqual(['lng']);
    expect(fieldsOf(() => toSearchCriteria('t', { radiusKm: 3 }, now))).toEqual(['radiusKm']);
    expect(fieldsOf(() => toSearchCriteria('t', { language: 'xx-!!' }, now))).toEqual(['language']);
    expect(fieldsOf(() => toSearchCriteria('t', { at: now.toISOString() }, now))).toEqual(['at']);
  });

  it('defaults to active services, page 1 of 20, a 25 km radius and now', () => {
    expect(toSearchCriteria('t', { lat: 1, lng: 2, openNow: true, language: 'ES-mx' }, now)).toEqual({
      tenantId: 't',
      status: 'active',
      page: 1,
      perPage: 20,
      language: 'es-MX',
      near: { center: { latitude: 1, longitude: 2 }, radiusKm: 25 },
      openAt: now,
    });
  });
});
