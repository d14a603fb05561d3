import { CAPACITY_STATUS_LINK_TYPE, CAPACITY_STATUS_NAMES, CAPACITY_STATUS_TAXONOMY } from '../domain/capacity-status';
import type { CapacityStatus } from '../domain/directory-service.model';
import type {
  HsdsAttribute,
  HsdsImportDocument,
  HsdsLanguage,
  HsdsLocation,
  HsdsOrganization,
  HsdsPhone,
  HsdsSchedule,
  HsdsService,
  HsdsServiceAtLocation,
  HsdsServiceCapacity,
  HsdsServiceStatus,
} from '../domain/hsds.types';
import { NEED_CATEGORY_TAXONOMY, OPEN_ELIGIBILITY_TAXONOMY, SERVICE_CATEGORY_LINK_TYPE } from '../domain/need-category-taxonomy';
import { createSeededRandom, seedFromString, type SeededRandom } from './seeded-random';
import {
  FAMILY_VOCABULARY,
  PLACE_KINDS,
  PLACE_WORDS,
  SEED_FAMILIES,
  SEED_FAMILY_WEIGHTS,
  SEED_LANGUAGES,
  STREET_KINDS,
  STREET_WORDS,
  TOWNS,
  type CapacityUnitName,
  type ScheduleProfile,
  type SeedFamily,
  type ServiceTemplate,
} from './seed-vocabulary';

export interface SeedCenter {
  lat: number;
  lng: number;
}

export interface SeedDirectoryOptions {
  /** How many services; organizations are made as needed (1 to 3 services each). */
  count?: number;
  seed?: number;
  center?: SeedCenter;
  /** Locations fall within this distance of the center. */
  radiusKm?: number;
  /** The moment capacity counts and last_modified are dated from, so output never depends on the clock. */
  asOf?: string;
}

/** A fictional city centre; any coordinates work. */
export const DEFAULT_SEED_CENTER: SeedCenter = { lat: 42.3601, lng: -71.0589 };
export const DEFAULT_SEED_AS_OF = '2025-06-02T12:00:00.000Z';

const KM_PER_DEGREE_LATITUDE = 111.32;
const ALL_DAYS = 'MO,TU,WE,TH,FR,SA,SU';

/**
 * A plausible, invented HSDS directory: organizations with nested services across food, housing,
 * transportation, utilities, safety, mental health and legal aid, deterministic for a seed. Phone numbers are in
 * the 555-0100..0199 range reserved for fiction, e-mail and web addresses under example.org.
 */
export function generateSeedDirectory(options: SeedDirectoryOptions = {}): HsdsImportDocument {
  const {
    count = 300,
    seed = 42,
    center = DEFAULT_SEED_CENTER,
    radiusKm = 24.5,
    asOf = DEFAULT_SEED_AS_OF,
  } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  const random = createSeededRandom(seed);
  const asOfMs = Date.parse(asOf);
  if (Number.isNaN(asOfMs)) throw new RangeError('asOf must be an ISO date-time');

  const context: GeneratorContext = { random, center, radiusKm, asOfMs, usedNames: new Set() };
  const organizations: HsdsOrganization[] = [];
  let remaining = count;
  while (remaining > 0) {
    const serviceCount = Math.min(remaining, random.weighted([1, 2, 3], [45, 35, 20]));
    organizations.push(makeOrganization(context, serviceCount));
    remaining -= serviceCount;
  }
  return { organizations };
}

interface GeneratorContext {
  random: SeededRandom;
  center: SeedCenter;
  radiusKm: number;
  asOfMs: number;
  usedNames: Set<string>;
}

function makeOrganization(context: GeneratorContext, serviceCount: number): HsdsOrganization {
  const { random } = context;
  const family = random.weighted(SEED_FAMILIES, SEED_FAMILIES.map((f) => SEED_FAMILY_WEIGHTS[f]));
  const vocabulary = FAMILY_VOCABULARY[family];
  const name = uniqueOrganizationName(context, vocabulary.organizationKinds);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const id = random.uuid();

  const locations = Array.from({ length: random.weighted([1, 2], [80, 20]) }, () => makeLocation(context, id));
  // Half the organizations list locations once and point at them by id, as tabular feeds do; the others nest them.
  const sharedLocations = random.chance(0.5);

  const templates = random.sample(vocabulary.services, serviceCount);
  const services = templates.map((template) => makeService(context, { id, name, family, template, locations, sharedLocations }));

  const organization: HsdsOrganization = {
    id,
    name,
    description: `${name} is a community organization serving residents of the region.`,
    email: `info@${slug}.example.org`,
    website: `https://${slug}.example.org`,
    year_incorporated: random.int(1965, 2021),
    legal_status: random.pick(['non-profit', 'non-profit', 'government', 'faith-based non-profit']),
    phones: [makePhone(random, 'Main office line')],
  };
  if (sharedLocations) organization.locations = locations;
  organization.services = services;
  return organization;
}

function uniqueOrganizationName(context: GeneratorContext, kinds: readonly string[]): string {
  const { random, usedNames } = context;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const candidate = `${random.pick(PLACE_WORDS)} ${random.pick(PLACE_KINDS)} ${random.pick(kinds)}`;
    if (!usedNames.has(candidate)) {
      usedNames.add(candidate);
      return candidate;
    }
  }
  const base = `${random.pick(PLACE_WORDS)} ${random.pick(kinds)}`;
  let branch = 2;
  while (usedNames.has(`${base} ${branch}`)) branch += 1;
  usedNames.add(`${base} ${branch}`);
  return `${base} ${branch}`;
}

function makeLocation(context: GeneratorContext, organizationId: string): HsdsLocation {
  const { random } = context;
  const { latitude, longitude } = randomPointNear(context);
  const id = random.uuid();
  const street = `${random.int(10, 999)} ${random.pick(STREET_WORDS)} ${random.pick(STREET_KINDS)}`;
  return {
    id,
    location_type: 'physical',
    organization_id: organizationId,
    name: `${random.pick(STREET_WORDS)} Site`,
    latitude,
    longitude,
    addresses: [
      {
        id: random.uuid(),
        location_id: id,
        address_1: street,
        city: random.pick(TOWNS),
        state_province: 'MA',
        postal_code: `0${random.int(1000, 2799)}`,
        country: 'US',
        address_type: 'physical',
      },
    ],
  };
}

/** Uniform over a disc: the square root keeps points from bunching at the center. */
function randomPointNear({ random, center, radiusKm }: GeneratorContext): { latitude: number; longitude: number } {
  const distanceKm = radiusKm * Math.sqrt(random.next());
  const bearing = random.next() * 2 * Math.PI;
  const dLat = (distanceKm * Math.cos(bearing)) / KM_PER_DEGREE_LATITUDE;
  const dLng = (distanceKm * Math.sin(bearing)) / (KM_PER_DEGREE_LATITUDE * Math.cos((center.lat * Math.PI) / 180));
  return { latitude: round(center.lat + dLat, 5), longitude: round(center.lng + dLng, 5) };
}

interface ServiceOwner {
  id: string;
  name: string;
  family: SeedFamily;
  template: ServiceTemplate;
  locations: HsdsLocation[];
  sharedLocations: boolean;
}

function makeService(context: GeneratorContext, owner: ServiceOwner): HsdsService {
  const { random } = context;
  const { template } = owner;
  const id = random.uuid();
  const status = random.weighted<HsdsServiceStatus>(['active', 'inactive', 'temporarily closed', 'defunct'], [88, 7, 3, 2]);
  const languages = makeLanguages(random, id);
  const ages = makeAgeRange(random, owner.family, template);

  const service: HsdsService = {
    id,
    organization_id: owner.id,
    name: template.name,
    description: `${template.description} Offered by ${owner.name}.`,
    email: `help@${owner.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.org`,
    status,
  };
  if (random.chance(0.3)) service.interpretation_services = 'Telephone interpretation is available in many languages.';
  service.application_process = random.pick(['Walk in during open hours.', 'Call to make an appointment.', 'Referral from a care team or self-referral by phone.']);
  service.fees_description = 'Free of charge.';
  if (ages.eligibility) service.eligibility_description = ages.eligibility;
  if (ages.minimum !== undefined) service.minimum_age = ages.minimum;
  if (ages.maximum !== undefined) service.maximum_age = ages.maximum;
  service.last_modified = new Date(context.asOfMs - random.int(1, 90) * 86_400_000).toISOString();
  service.phones = [makePhone(random, 'Intake line', id)];

  const schedules = makeSchedules(random, random.pick(template.schedules), id);
  if (template.remote) {
    service.schedules = schedules;
  } else {
    const sites = random.sample(owner.locations, random.int(1, owner.locations.length));
    service.service_at_locations = sites.map((location, index): HsdsServiceAtLocation => {
      const serviceAtLocation: HsdsServiceAtLocation = { id: random.uuid(), service_id: id };
      if (owner.sharedLocations) serviceAtLocation.location_id = location.id;
      else serviceAtLocation.location = location;
      // The first site carries the service's hours; a second site gets its own, as HSDS allows.
      serviceAtLocation.schedules = index === 0 ? schedules : makeSchedules(random, random.pick(template.schedules), id);
      return serviceAtLocation;
    });
  }
  service.languages = languages;

  const capacity = makeCapacity(context, template.unit, id);
  if (capacity.capacities.length > 0) service.capacities = capacity.capacities;
  service.attributes = [categoryAttribute(random, template, id), ...capacity.attributes];
  return service;
}

function makeLanguages(random: SeededRandom, serviceId: string): HsdsLanguage[] {
  const extra = random.weighted([0, 1, 2, 3], [30, 40, 20, 10]);
  const others = pickLanguages(random, extra);
  // A few community programs work in their community's language only.
  const withEnglish = others.length === 0 || random.chance(0.9) ? [{ code: 'en', name: 'English' }, ...others] : others;
  return withEnglish.map(({ code, name }) => ({ id: random.uuid(), service_id: serviceId, name, code }));
}

function pickLanguages(random: SeededRandom, count: number): Array<{ code: string; name: string }> {
  const chosen: Array<{ code: string; name: string }> = [];
  while (chosen.length < count) {
    const language = random.weighted(SEED_LANGUAGES, SEED_LANGUAGES.map((l) => l.weight));
    if (!chosen.some((c) => c.code === language.code)) chosen.push({ code: language.code, name: language.name });
  }
  return chosen;
}

function makeAgeRange(
  random: SeededRandom,
  family: SeedFamily,
  template: ServiceTemplate,
): { minimum?: number; maximum?: number; eligibility?: string } {
  if (template.name.includes('Senior')) return { minimum: 60, eligibility: 'Residents aged 60 and over.' };
  const profile = random.weighted(['all', 'adults', 'seniors', 'youth', 'children'] as const, family === 'legal-aid' ? [40, 50, 5, 5, 0] : [45, 25, 12, 10, 8]);
  switch (profile) {
    case 'adults':
      return { minimum: 18, eligibility: 'Adults aged 18 and over.' };
    case 'seniors':
      return { minimum: random.pick([60, 65]), eligibility: 'Older adults.' };
    case 'youth':
      return { minimum: 12, maximum: 24, eligibility: 'Young people aged 12 to 24.' };
    case 'children':
      return { maximum: 17, eligibility: 'Children and teens under 18 with a parent or guardian.' };
    case 'all':
      return { eligibility: random.pick(['Open to all residents of the region.', 'Anyone in need; no documents required.']) };
  }
}

function makeSchedules(random: SeededRandom, profile: ScheduleProfile, serviceId: string): HsdsSchedule[] {
  const weekly = (byday: string, opensAt: string, closesAt: string, description: string): HsdsSchedule => ({
    id: random.uuid(),
    service_id: serviceId,
    freq: 'WEEKLY',
    byday,
    opens_at: opensAt,
    closes_at: closesAt,
    description,
  });
  switch (profile) {
    case 'weekdays': {
      const [opens, closes] = random.pick([['09:00', '17:00'], ['08:30', '16:30'], ['10:00', '18:00']] as const);
      return [weekly('MO,TU,WE,TH,FR', opens, closes, `Weekdays ${opens} to ${closes}.`)];
    }
    case 'mwf-and-saturday':
      return [
        weekly('MO,WE,FR', '10:00', '14:00', 'Monday, Wednesday and Friday 10:00 to 14:00.'),
        weekly('SA', '09:00', '12:00', 'Saturday 09:00 to 12:00.'),
      ];
    case 'evenings':
      return [weekly(random.pick(['TU,TH', 'MO,WE', 'WE']), '17:00', '20:00', 'Evenings 17:00 to 20:00.')];
    case 'overnight':
      return [weekly(ALL_DAYS, '19:00', '07:00', 'Every night, doors open 19:00, checkout 07:00.')];
    case 'always':
      return [weekly(ALL_DAYS, '00:00', '24:00', 'Open 24 hours, every day.')];
    case 'monthly':
      return [
        {
          id: random.uuid(),
          service_id: serviceId,
          freq: 'MONTHLY',
          byday: random.pick(['2SA', '1TH', '-1FR']),
          opens_at: '10:00',
          closes_at: '13:00',
          description: 'Once a month, 10:00 to 13:00.',
        },
      ];
    case 'winter-season': {
      const year = 2025;
      return [
        {
          ...weekly('MO,TU,WE,TH', '09:00', '16:00', 'November to April, Monday to Thursday 09:00 to 16:00.'),
          valid_from: `${year}-11-01`,
          valid_to: `${year + 1}-04-30`,
        },
      ];
    }
  }
}

function makeCapacity(
  context: GeneratorContext,
  unitName: CapacityUnitName,
  serviceId: string,
): { capacities: HsdsServiceCapacity[]; attributes: HsdsAttribute[] } {
  const { random } = context;
  const outcome = random.weighted(['counts-open', 'counts-full', 'waitlist', 'assessment', 'unreported'] as const, [45, 15, 12, 8, 20]);
  if (outcome === 'unreported') return { capacities: [], attributes: [] };
  const maximum = unitName === 'Bed' ? random.int(10, 80) : random.int(20, 200);
  const available = outcome === 'counts-open' ? random.int(1, maximum) : 0;
  const capacities: HsdsServiceCapacity[] = [
    {
      id: random.uuid(),
      service_id: serviceId,
      unit_id: unitId(unitName),
      unit: { id: unitId(unitName), name: unitName },
      available,
      maximum,
      updated: new Date(context.asOfMs - random.int(1, 72) * 3_600_000).toISOString(),
    },
  ];
  if (outcome === 'counts-open' || outcome === 'counts-full') return { capacities, attributes: [] };
  const status: CapacityStatus = outcome === 'waitlist' ? 'waitlist' : 'additional-assessment-required';
  return { capacities, attributes: [capacityAttribute(random, status, serviceId)] };
}

function categoryAttribute(random: SeededRandom, template: ServiceTemplate, serviceId: string): HsdsAttribute {
  const [primary] = NEED_CATEGORY_TAXONOMY[template.category];
  const termId = stableUuid(`open-eligibility:${primary.code}`);
  return {
    id: random.uuid(),
    link_id: serviceId,
    taxonomy_term_id: termId,
    link_type: SERVICE_CATEGORY_LINK_TYPE,
    link_entity: 'service',
    taxonomy_term: {
      id: termId,
      code: primary.code,
      name: primary.name,
      description: `Open Eligibility term: ${primary.name}.`,
      taxonomy: OPEN_ELIGIBILITY_TAXONOMY,
    },
  };
}

function capacityAttribute(random: SeededRandom, status: CapacityStatus, serviceId: string): HsdsAttribute {
  const termId = stableUuid(`capacity-status:${status}`);
  return {
    id: random.uuid(),
    link_id: serviceId,
    taxonomy_term_id: termId,
    link_type: CAPACITY_STATUS_LINK_TYPE,
    link_entity: 'service',
    value: status,
    taxonomy_term: {
      id: termId,
      code: status,
      name: CAPACITY_STATUS_NAMES[status],
      description: `Capacity status: ${CAPACITY_STATUS_NAMES[status]}.`,
      taxonomy: CAPACITY_STATUS_TAXONOMY,
    },
  };
}

function makePhone(random: SeededRandom, description: string, serviceId?: string): HsdsPhone {
  const phone: HsdsPhone = {
    id: random.uuid(),
    number: `617-555-01${String(random.int(0, 99)).padStart(2, '0')}`,
    type: 'voice',
    description,
  };
  if (serviceId !== undefined) phone.service_id = serviceId;
  return phone;
}

/** Ids shared across the directory (taxonomy terms, units) come from their meaning, not from the sequence. */
function stableUuid(key: string): string {
  return createSeededRandom(seedFromString(key)).uuid();
}

function unitId(unitName: CapacityUnitName): string {
  return stableUuid(`unit:${unitName}`);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
