import { haversineKm } from '../../matching/domain/geo-distance';
import { validateHsdsRecords } from '../domain/hsds-import';
import type { HsdsService } from '../domain/hsds.types';
import { DEFAULT_SEED_CENTER, generateSeedDirectory } from './generate-seed-directory';
import { createSeededRandom } from './seeded-random';

const servicesOf = (doc: ReturnType<typeof generateSeedDirectory>): HsdsService[] =>
  doc.organizations.flatMap((organization) => organization.services ?? []);

describe('generateSeedDirectory', () => {
  const doc = generateSeedDirectory();
  const result = validateHsdsRecords(doc);
  const documents = result.accepted.flatMap((organization) => organization.services);

  it('makes 300 services by default that pass validation with zero rejections', () => {
    expect(servicesOf(doc)).toHaveLength(300);
    expect(result.rejected).toEqual([]);
    expect(result.counts.acceptedServices).toBe(300);
  });

  it.each([0, 1, 17, 50])('makes exactly %d services when asked', (count) => {
    const small = generateSeedDirectory({ count, seed: 7 });
    expect(servicesOf(small)).toHaveLength(count);
    expect(validateHsdsRecords(small).rejected).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateSeedDirectory({ seed: 42 })).toEqual(doc);
    expect(JSON.stringify(generateSeedDirectory({ seed: 43 }))).not.toBe(JSON.stringify(doc));
  });

  it('spreads locations within 25 km of the center, wherever the center is', () => {
    const check = (center: { lat: number; lng: number }, locations: Array<{ latitude: number; longitude: number }>) => {
      const distances = locations.map((location) => haversineKm({ latitude: center.lat, longitude: center.lng }, location));
      expect(Math.max(...distances)).toBeLessThanOrEqual(25);
      // Spread, not bunched: some near, some far.
      expect(Math.min(...distances)).toBeLessThan(5);
      expect(Math.max(...distances)).toBeGreaterThan(15);
    };
    check(DEFAULT_SEED_CENTER, documents.flatMap((d) => d.locations));
    const elsewhere = { lat: -23.55, lng: -46.63 };
    const shifted = validateHsdsRecords(generateSeedDirectory({ count: 80, center: elsewhere })).accepted.flatMap((o) => o.services);
    check(elsewhere, shifted.flatMap((d) => d.locations));
  });

  it('covers food, housing, transportation, utilities, safety, mental health and legal aid', () => {
    const categories = new Set(documents.flatMap((d) => d.categoryKeys));
    for (const category of ['food-insecurity', 'housing-instability', 'transportation', 'utilities', 'interpersonal-safety', 'mental-health', 'legal']) {
      expect(categories).toContain(category);
    }
    expect(documents.every((d) => d.categoryKeys.length > 0)).toBe(true);
  });

  it('varies languages, ages, capacity, schedules and status', () => {
    expect(new Set(documents.flatMap((d) => d.languages))).toEqual(new Set(['en', 'es', 'pt', 'vi', 'zh', 'ht', 'ar']));
    expect(documents.some((d) => !d.languages.includes('en'))).toBe(true);
    expect(new Set(documents.map((d) => `${d.minimumAge ?? '-'}..${d.maximumAge ?? '-'}`)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(documents.map((d) => d.capacityStatus))).toEqual(new Set(['has-capacity', 'no-capacity', 'waitlist', 'additional-assessment-required']));
    expect(documents.some((d) => !d.capacityReported)).toBe(true);
    const statuses = documents.map((d) => d.status);
    expect(statuses.filter((s) => s === 'active').length).toBeGreaterThan(240);
    expect(statuses).toContain('inactive');
    const schedules = documents.flatMap((d) => d.schedules);
    expect(schedules.some((s) => s.freq === 'MONTHLY')).toBe(true);
    expect(schedules.some((s) => s.closes_at !== undefined && s.opens_at !== undefined && s.closes_at < s.opens_at)).toBe(true);
    expect(schedules.some((s) => s.valid_from !== undefined)).toBe(true);
    expect(documents.some((d) => d.locations.length === 0)).toBe(true); // phone-only lines
  });

  it('uses only fictional contact details and unique organization names', () => {
    const json = JSON.stringify(doc);
    const phones = [...json.matchAll(/"number":"([^"]+)"/g)].map((match) => match[1]);
    expect(phones.length).toBeGreaterThan(300);
    phones.forEach((phone) => expect(phone).toMatch(/^617-555-01\d\d$/));
    const emails = [...json.matchAll(/"(?:email)":"([^"]+)"/g)].map((match) => match[1]);
    emails.forEach((email) => expect(email).toMatch(/@[a-z0-9-]+\.example\.org$/));
    const names = doc.organizations.map((organization) => organization.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => generateSeedDirectory({ count: -1 })).toThrow(RangeError);
    expect(() => generateSeedDirectory({ count: 2.5 })).toThrow(RangeError);
  });
});

describe('createSeededRandom', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = createSeededRandom(1);
    const b = createSeededRandom(1);
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
    const ints = Array.from({ length: 500 }, () => a.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(a.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
