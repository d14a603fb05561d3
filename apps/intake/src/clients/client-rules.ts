import { AGE_BANDS, AgeBand, ServiceArea } from '@careloop/contracts';

/** Family name, first given initial and birth date, normalized: what likely duplicates share. */
export function matchKeyOf(name: { given: string[]; family: string }, birthDate: string): string {
  const norm = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${norm(name.family)}|${norm(name.given[0] ?? '').slice(0, 1)}|${birthDate}`;
}

export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = on.getUTCFullYear() - y;
  const beforeBirthday = on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

export function ageBandOf(birthDate: string, on: Date): AgeBand {
  const age = ageOn(birthDate, on);
  if (age < 18) return '0-17';
  if (age <= 25) return '18-25';
  if (age <= 44) return '26-44';
  if (age <= 64) return '45-64';
  if (age <= 74) return '65-74';
  return AGE_BANDS[AGE_BANDS.length - 1];
}

/** The coarse area that may leave intake: postal code and coordinates rounded to ~1 km. */
export function serviceAreaOf(address: { postalCode: string; latitude?: number; longitude?: number }): ServiceArea | undefined {
  if (address.latitude === undefined || address.longitude === undefined) return undefined;
  const round = (n: number): number => Math.round(n * 100) / 100;
  return { postalCode: address.postalCode, latitude: round(address.latitude), longitude: round(address.longitude) };
}
