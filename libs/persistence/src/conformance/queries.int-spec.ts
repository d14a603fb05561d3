import { Model, Schema } from 'mongoose';
import { ConformanceDb, openConformanceDb } from './conformance-db';

// The query shapes the services issue, each checked against the same filter computed in code over
// the same seeded data, so a server that drops, adds or misorders results fails here. `$lookup`
// is deliberately absent: services own their data and never join across collections.

interface ServiceOffer {
  code: string;
  language: string;
}

interface Resource {
  _id: string;
  tenantId: string;
  status: 'active' | 'paused';
  category: string;
  capacity: number;
  createdAt: Date;
  latitude: number;
  longitude: number;
  tokens: string[];
  offers: ServiceOffer[];
}

const CATEGORIES = ['food', 'housing', 'health', 'legal', 'transport'];
const LANGUAGES = ['en', 'es', 'vi'];
const OFFER_CODES = ['food-pantry', 'shelter', 'clinic', 'tenant-rights', 'rides'];
const WORDS = ['housing', 'house', 'household', 'warehouse', 'food', 'pantry', 'clinic', 'legal', 'c++', 'rides'];
const CENTER = { latitude: 47.6062, longitude: -122.3321 };

// Deterministic so a failure reproduces: mulberry32.
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedResources(count: number): Resource[] {
  const random = seededRandom(20250101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const base = Date.UTC(2025, 0, 1);
  // createdAt values are distinct (a shuffled sequence) so a sort has one right answer.
  const minutes = Array.from({ length: count }, (_, i) => i).sort(() => random() - 0.5);
  return Array.from({ length: count }, (_, i) => ({
    _id: `res-${String(i).padStart(4, '0')}`,
    tenantId: i % 3 === 0 ? 't2' : 't1',
    status: random() < 0.8 ? 'active' : 'paused',
    category: pick(CATEGORIES),
    capacity: Math.floor(random() * 100),
    createdAt: new Date(base + minutes[i] * 60_000),
    // About +-0.5 degrees around the center: some inside the radius, some in the box corners, some out.
    latitude: CENTER.latitude + (random() - 0.5),
    longitude: CENTER.longitude + (random() - 0.5) * 1.5,
    tokens: Array.from(new Set([pick(WORDS), pick(WORDS), pick(WORDS)])),
    offers: Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
      code: pick(OFFER_CODES),
      language: pick(LANGUAGES),
    })),
  }));
}

const EARTH_RADIUS_KM = 6371.0088;

function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

function boundingBox(center: { latitude: number; longitude: number }, radiusKm: number) {
  const dLat = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  const dLon = dLat / Math.cos((center.latitude * Math.PI) / 180);
  return {
    minLatitude: center.latitude - dLat,
    maxLatitude: center.latitude + dLat,
    minLongitude: center.longitude - dLon,
    maxLongitude: center.longitude + dLon,
  };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ids = (docs: ReadonlyArray<{ _id: string }>) => docs.map((d) => d._id);
const sortedIds = (docs: ReadonlyArray<{ _id: string }>) => ids(docs).sort();

describe('conformance: query shapes the services use', () => {
  const seed = seedResources(300);
  let store: ConformanceDb;
  let resources: Model<Resource>;

  beforeAll(async () => {
    store = await openConformanceDb('queries');
    const schema = new Schema<Resource>({
      _id: String,
      tenantId: { type: String, required: true },
      status: { type: String, required: true },
      category: { type: String, required: true },
      capacity: { type: Number, required: true },
      createdAt: { type: Date, required: true },
      latitude: { type: Number, required: true },
      longitude: { type: Number, required: true },
      tokens: { type: [String], default: [] },
      offers: { type: [new Schema<ServiceOffer>({ code: String, language: String }, { _id: false })], default: [] },
    });
    schema.index({ tenantId: 1, status: 1, createdAt: -1 }, { name: 'tenant_status_created' });
    schema.index({ latitude: 1, longitude: 1 }, { name: 'lat_lon' });
    schema.index({ tokens: 1 }, { name: 'tokens' });
    schema.index({ 'offers.code': 1, 'offers.language': 1 }, { name: 'offers' });
    resources = store.connection.model<Resource>('Resource', schema);
    await resources.createIndexes();
    await resources.insertMany(seed);
  });

  afterAll(async () => {
    await store?.dispose();
  });

  it('builds the indexes the queries rely on', async () => {
    const names = (await resources.listIndexes()).map((index) => index.name);

    expect(names).toEqual(expect.arrayContaining(['tenant_status_created', 'lat_lon', 'tokens', 'offers']));
  });

  it('equality + sort + limit on the compound index, then the next page by keyset', async () => {
    const expected = seed
      .filter((r) => r.tenantId === 't1' && r.status === 'active')
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    expect(expected.length).toBeGreaterThan(40);

    const firstPage = await resources
      .find({ tenantId: 't1', status: 'active' })
      .sort({ createdAt: -1 })
      .limit(20)
      .lean();
    const secondPage = await resources
      .find({ tenantId: 't1', status: 'active', createdAt: { $lt: firstPage[firstPage.length - 1].createdAt } })
      .sort({ createdAt: -1 })
      .limit(20)
      .lean();

    expect(ids(firstPage)).toEqual(ids(expected.slice(0, 20)));
    expect(ids(secondPage)).toEqual(ids(expected.slice(20, 40)));
  });

  it('$in', async () => {
    const wanted = ['food', 'legal'];
    const expected = seed.filter((r) => wanted.includes(r.category));

    const found = await resources.find({ category: { $in: wanted } }).lean();

    expect(sortedIds(found)).toEqual(sortedIds(expected));
    expect(found.length).toBeLessThan(seed.length);
  });

  it('$elemMatch on an array of subdocuments matches within one element only', async () => {
    const matchesOne = (r: Resource) => r.offers.some((o) => o.code === 'shelter' && o.language === 'es');
    const matchesAcross = (r: Resource) =>
      r.offers.some((o) => o.code === 'shelter') && r.offers.some((o) => o.language === 'es');
    const expected = seed.filter(matchesOne);
    // The seed must hold documents where the two conditions hold in different elements, or this
    // test could not tell $elemMatch from dotted paths.
    expect(seed.filter(matchesAcross).length).toBeGreaterThan(expected.length);

    const found = await resources.find({ offers: { $elemMatch: { code: 'shelter', language: 'es' } } }).lean();
    const dotted = await resources.find({ 'offers.code': 'shelter', 'offers.language': 'es' }).lean();

    expect(sortedIds(found)).toEqual(sortedIds(expected));
    expect(sortedIds(dotted)).toEqual(sortedIds(seed.filter(matchesAcross)));
  });

  it('radius search: bounding-box range on latitude/longitude, exact distance in code', async () => {
    const radiusKm = 25;
    const box = boundingBox(CENTER, radiusKm);
    const inBox = seed.filter(
      (r) =>
        r.latitude >= box.minLatitude &&
        r.latitude <= box.maxLatitude &&
        r.longitude >= box.minLongitude &&
        r.longitude <= box.maxLongitude,
    );
    const expected = seed.filter((r) => distanceKm(CENTER, r) <= radiusKm);
    // The data must have points outside the box and points in the box corners outside the circle.
    expect(inBox.length).toBeLessThan(seed.length);
    expect(inBox.length).toBeGreaterThan(expected.length);

    const candidates = await resources
      .find({
        latitude: { $gte: box.minLatitude, $lte: box.maxLatitude },
        longitude: { $gte: box.minLongitude, $lte: box.maxLongitude },
      })
      .lean();
    const within = candidates.filter((r) => distanceKm(CENTER, r) <= radiusKm);

    expect(sortedIds(candidates)).toEqual(sortedIds(inBox));
    expect(sortedIds(within)).toEqual(sortedIds(expected));
  });

  it('$regex anchored prefix on a normalized tokens array', async () => {
    const search = async (prefix: string) =>
      sortedIds(
        await resources.find({ tokens: { $regex: `^${escapeRegex(prefix.toLowerCase())}` } }, { _id: 1 }).lean(),
      );
    const expectedFor = (prefix: string) =>
      sortedIds(seed.filter((r) => r.tokens.some((t) => t.startsWith(prefix.toLowerCase()))));

    const hous = await search('Hous');
    expect(hous).toEqual(expectedFor('hous'));
    // `warehouse` contains the prefix but does not start with it.
    expect(hous).not.toEqual(sortedIds(seed.filter((r) => r.tokens.some((t) => t.includes('hous')))));
    // User input is escaped: `c++` is a literal, not a pattern.
    expect(await search('c++')).toEqual(expectedFor('c++'));
    expect(await search('c++').then((found) => found.length)).toBeGreaterThan(0);
  });

  it('countDocuments with and without a filter', async () => {
    expect(await resources.countDocuments({})).toBe(seed.length);
    expect(await resources.countDocuments({ tenantId: 't2', capacity: { $gte: 50 } })).toBe(
      seed.filter((r) => r.tenantId === 't2' && r.capacity >= 50).length,
    );
  });

  it('aggregation $group with $sum and more accumulators, every one of them right', async () => {
    const expected = CATEGORIES.map((category) => {
      const group = seed.filter((r) => r.tenantId === 't1' && r.category === category);
      const totalCapacity = group.reduce((sum, r) => sum + r.capacity, 0);
      return {
        _id: category,
        count: group.length,
        totalCapacity,
        averageCapacity: totalCapacity / group.length,
        maxCapacity: Math.max(...group.map((r) => r.capacity)),
      };
    });

    const rows = await resources.aggregate<(typeof expected)[number]>([
      { $match: { tenantId: 't1' } },
      {
        $group: {
          _id: '$category',
          count: { $sum: 1 },
          totalCapacity: { $sum: '$capacity' },
          averageCapacity: { $avg: '$capacity' },
          maxCapacity: { $max: '$capacity' },
        },
      },
      { $sort: { _id: 1 } },
    ]);

    expect(rows.map((r) => r._id)).toEqual([...CATEGORIES].sort());
    for (const row of rows) {
      const want = expected.find((e) => e._id === row._id);
      expect(row).toMatchObject({ count: want?.count, totalCapacity: want?.totalCapacity, maxCapacity: want?.maxCapacity });
      expect(row.averageCapacity).toBeCloseTo(want?.averageCapacity ?? Number.NaN, 9);
    }
  });
});
