import { NEED_CATEGORIES, type NeedCategory } from '@careloop/contracts';
import type { z } from 'zod';
import { capacityStatusOfAttribute, deriveCapacity, isCapacityStatus, isCapacityStatusAttribute } from './capacity-status';
import type {
  DirectoryLocation,
  DirectoryServiceDocument,
  NormalizedOrganization,
  OpeningSchedule,
} from './directory-service.model';
import { HsdsOrganizationEnvelopeSchema, HsdsServiceSchema } from './hsds.schemas';
import type {
  HsdsLanguage,
  HsdsLocation,
  HsdsOrganizationRecord,
  HsdsSchedule,
  HsdsService,
} from './hsds.types';
import { languageTagFromHsds } from './language-tags';
import { needCategoriesForTermCode } from './need-category-taxonomy';
import { toSearchTokens } from './search-tokens';

export type HsdsImportRecordKind = 'document' | 'organization' | 'service';

/**
 * Why a record was refused. `index` is the organization's position in `organizations` (-1 for the document
 * itself); a refused service also has `serviceIndex` and `organizationId`, and `id` is the refused record's id.
 */
export interface HsdsImportRejection {
  kind: HsdsImportRecordKind;
  index: number;
  id?: string;
  organizationId?: string;
  serviceIndex?: number;
  reasons: string[];
}

export interface HsdsImportCounts {
  organizations: number;
  acceptedOrganizations: number;
  services: number;
  acceptedServices: number;
}

export interface HsdsImportResult {
  accepted: NormalizedOrganization[];
  rejected: HsdsImportRejection[];
  counts: HsdsImportCounts;
}

/** Past this many, a record's reasons are summarised: a broken feed should not produce a megabyte of errors. */
export const MAX_REASONS_PER_RECORD = 20;

/**
 * Validates an HSDS import document `{ organizations: [...] }` (each organization with its services nested) and
 * returns the valid records normalized for storage, and the refused ones with their reasons. An invalid
 * organization refuses its services with it; an invalid service refuses only itself.
 */
export function validateHsdsRecords(doc: unknown): HsdsImportResult {
  const accepted: NormalizedOrganization[] = [];
  const rejected: HsdsImportRejection[] = [];
  const counts: HsdsImportCounts = { organizations: 0, acceptedOrganizations: 0, services: 0, acceptedServices: 0 };

  const organizations = isRecord(doc) ? doc['organizations'] : undefined;
  if (!Array.isArray(organizations)) {
    rejected.push({ kind: 'document', index: -1, reasons: ['organizations: an array of HSDS organizations is required'] });
    return { accepted, rejected, counts };
  }

  const organizationIds = new Set<string>();
  const serviceIds = new Map<string, string>();

  organizations.forEach((rawOrganization: unknown, index) => {
    counts.organizations += 1;
    const rawServices = isRecord(rawOrganization) && Array.isArray(rawOrganization['services']) ? rawOrganization['services'] : [];
    counts.services += rawServices.length;

    const parsed = HsdsOrganizationEnvelopeSchema.safeParse(rawOrganization);
    const organizationReasons = parsed.success ? organizationProblems(parsed.data) : formatIssues(parsed.error.issues);
    if (parsed.success && organizationIds.has(parsed.data.id)) organizationReasons.push('id: duplicate organization id');
    if (!parsed.success || organizationReasons.length > 0) {
      rejected.push({ kind: 'organization', index, id: idOf(rawOrganization), reasons: capReasons(organizationReasons) });
      return;
    }

    const { services: _services, ...organizationFields } = parsed.data;
    const organization = compact(organizationFields) as HsdsOrganizationRecord;
    organizationIds.add(organization.id);

    const documents: DirectoryServiceDocument[] = [];
    rawServices.forEach((rawService: unknown, serviceIndex) => {
      const result = normalizeService(organization, rawService);
      let reasons: string[];
      if ('document' in result) {
        const seenAt = serviceIds.get(result.document.id);
        if (seenAt === undefined) {
          serviceIds.set(result.document.id, `organizations[${index}].services[${serviceIndex}]`);
          documents.push(result.document);
          return;
        }
        reasons = [`id: duplicate service id (first at ${seenAt})`];
      } else {
        reasons = result.reasons;
      }
      rejected.push({
        kind: 'service',
        index,
        id: idOf(rawService),
        organizationId: organization.id,
        serviceIndex,
        reasons: capReasons(reasons),
      });
    });

    counts.acceptedOrganizations += 1;
    counts.acceptedServices += documents.length;
    accepted.push({ id: organization.id, name: organization.name, organization, services: documents });
  });

  return { accepted, rejected, counts };
}

type NormalizeServiceResult = { document: DirectoryServiceDocument } | { reasons: string[] };

/** Validates one HSDS service of an (already valid) organization and derives its storage document. */
export function normalizeService(organization: HsdsOrganizationRecord, rawService: unknown): NormalizeServiceResult {
  const parsed = HsdsServiceSchema.safeParse(rawService);
  if (!parsed.success) return { reasons: formatIssues(parsed.error.issues) };
  const service = compact(parsed.data) as HsdsService;
  const reasons = serviceProblems(organization, service);
  if (reasons.length > 0) return { reasons };
  return { document: toDirectoryServiceDocument(organization, service) };
}

/** Derives the search and matching fields of a valid service; `hsds` keeps the service as given. */
export function toDirectoryServiceDocument(
  organization: HsdsOrganizationRecord,
  service: HsdsService,
): DirectoryServiceDocument {
  const resolved = resolveLocations(organization, service);
  const terms = (service.attributes ?? [])
    .filter((attribute) => !isCapacityStatusAttribute(attribute))
    .map((attribute) => ({ id: attribute.taxonomy_term?.id ?? attribute.taxonomy_term_id, term: attribute.taxonomy_term }));

  const categories = new Set<NeedCategory>();
  for (const { term } of terms) {
    if (term?.code) needCategoriesForTermCode(term.code, term.taxonomy).forEach((category) => categories.add(category));
  }

  let languages = tagsOf(service.languages);
  if (languages.length === 0) languages = unique(resolved.flatMap((location) => tagsOf(location.languages)));

  const ownSchedules = [
    ...(service.schedules ?? []),
    ...(service.service_at_locations ?? []).flatMap((serviceAtLocation) => serviceAtLocation.schedules ?? []),
  ];
  const schedules = ownSchedules.length > 0 ? ownSchedules : resolved.flatMap((location) => location.schedules ?? []);

  const document: DirectoryServiceDocument = {
    id: service.id,
    organizationId: organization.id,
    organizationName: organization.name,
    name: service.name,
    status: service.status,
    categoryKeys: NEED_CATEGORIES.filter((category) => categories.has(category)),
    taxonomyTermIds: unique(terms.flatMap(({ id }) => (id === undefined ? [] : [id]))),
    taxonomyCodes: unique(terms.flatMap(({ term }) => (term?.code === undefined ? [] : [term.code]))),
    searchTokens: toSearchTokens(
      service.name,
      service.alternate_name,
      organization.name,
      organization.alternate_name,
      ...terms.map(({ term }) => term?.name),
      service.description,
    ),
    languages,
    interpretationAvailable: service.interpretation_services !== undefined,
    locations: unique(resolved.flatMap(toDirectoryLocation), (location) => location.id),
    schedules: schedules.map(toOpeningSchedule),
    ...deriveCapacity(service),
    hsds: service,
    hsdsOrganization: organization,
  };
  if (service.minimum_age !== undefined) document.minimumAge = service.minimum_age;
  if (service.maximum_age !== undefined) document.maximumAge = service.maximum_age;
  if (service.last_modified !== undefined) document.lastModified = service.last_modified;
  return document;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks a schema cannot express: cross-field and cross-record rules.

type ParsedOrganization = z.output<typeof HsdsOrganizationEnvelopeSchema>;

function organizationProblems(organization: ParsedOrganization): string[] {
  const reasons: string[] = [];
  const locationIds = new Set<string>();
  (organization.locations ?? []).forEach((location, index) => {
    if (locationIds.has(location.id)) reasons.push(`locations[${index}].id: duplicate location id`);
    locationIds.add(location.id);
    reasons.push(...locationProblems(location, `locations[${index}]`));
  });
  return reasons;
}

function serviceProblems(organization: HsdsOrganizationRecord, service: HsdsService): string[] {
  const reasons: string[] = [];
  if (service.organization_id !== undefined && service.organization_id !== organization.id) {
    reasons.push(`organization_id: ${service.organization_id} is not the enclosing organization ${organization.id}`);
  }
  if (service.minimum_age !== undefined && service.maximum_age !== undefined && service.minimum_age > service.maximum_age) {
    reasons.push('minimum_age: greater than maximum_age');
  }
  (service.schedules ?? []).forEach((schedule, i) => reasons.push(...scheduleProblems(schedule, `schedules[${i}]`)));
  reasons.push(...languageProblems(service.languages, 'languages'));
  (service.capacities ?? []).forEach((capacity, i) => {
    if (capacity.maximum !== undefined && capacity.available > capacity.maximum) {
      reasons.push(`capacities[${i}].available: greater than maximum`);
    }
  });
  (service.attributes ?? []).forEach((attribute, i) => {
    if (!isCapacityStatusAttribute(attribute)) return;
    const status = capacityStatusOfAttribute(attribute);
    if (status === undefined || !isCapacityStatus(status)) {
      reasons.push(`attributes[${i}]: capacity status must be has-capacity, no-capacity, waitlist or additional-assessment-required`);
    }
  });

  const organizationLocations = new Map((organization.locations ?? []).map((location) => [location.id, location]));
  (service.service_at_locations ?? []).forEach((serviceAtLocation, i) => {
    const path = `service_at_locations[${i}]`;
    if (serviceAtLocation.service_id !== undefined && serviceAtLocation.service_id !== service.id) {
      reasons.push(`${path}.service_id: is not the enclosing service ${service.id}`);
    }
    (serviceAtLocation.schedules ?? []).forEach((schedule, j) => reasons.push(...scheduleProblems(schedule, `${path}.schedules[${j}]`)));
    const { location, location_id: locationId } = serviceAtLocation;
    if (location) {
      if (locationId !== undefined && locationId !== location.id) reasons.push(`${path}.location_id: differs from location.id`);
      reasons.push(...locationProblems(location, `${path}.location`));
    } else if (locationId === undefined) {
      reasons.push(`${path}: needs a location or a location_id`);
    } else if (!organizationLocations.has(locationId)) {
      reasons.push(`${path}.location_id: ${locationId} is not among the organization's locations`);
    }
  });
  return reasons;
}

function locationProblems(location: HsdsLocation, path: string): string[] {
  const reasons: string[] = [];
  if ((location.latitude === undefined) !== (location.longitude === undefined)) {
    reasons.push(`${path}: latitude and longitude go together`);
  }
  (location.schedules ?? []).forEach((schedule, i) => reasons.push(...scheduleProblems(schedule, `${path}.schedules[${i}]`)));
  reasons.push(...languageProblems(location.languages, `${path}.languages`));
  return reasons;
}

function scheduleProblems(schedule: HsdsSchedule, path: string): string[] {
  const reasons: string[] = [];
  if (schedule.valid_from !== undefined && schedule.valid_to !== undefined && schedule.valid_to < schedule.valid_from) {
    reasons.push(`${path}.valid_to: before valid_from`);
  }
  if ((schedule.opens_at === undefined) !== (schedule.closes_at === undefined)) {
    reasons.push(`${path}: opens_at and closes_at go together`);
  }
  if (schedule.byday && /\d/.test(schedule.byday) && schedule.freq !== 'MONTHLY') {
    reasons.push(`${path}.byday: an ordinal day such as 2MO needs freq MONTHLY`);
  }
  if ((schedule.interval ?? 1) > 1 && schedule.dtstart === undefined) {
    reasons.push(`${path}.dtstart: required when interval is more than 1`);
  }
  return reasons;
}

function languageProblems(languages: readonly HsdsLanguage[] | undefined, path: string): string[] {
  return (languages ?? []).flatMap((language, i) =>
    language.code !== undefined && languageTagFromHsds(language) === undefined
      ? [`${path}[${i}].code: ${JSON.stringify(language.code)} is not an ISO 639 / BCP 47 language code`]
      : [],
  );
}

// ---------------------------------------------------------------------------------------------------------------

function resolveLocations(organization: HsdsOrganizationRecord, service: HsdsService): HsdsLocation[] {
  const organizationLocations = new Map((organization.locations ?? []).map((location) => [location.id, location]));
  return (service.service_at_locations ?? []).flatMap((serviceAtLocation) => {
    const location =
      serviceAtLocation.location ??
      (serviceAtLocation.location_id === undefined ? undefined : organizationLocations.get(serviceAtLocation.location_id));
    return location ? [location] : [];
  });
}

/** Only places someone can go to count for distance: virtual locations and ones without coordinates do not. */
function toDirectoryLocation(location: HsdsLocation): DirectoryLocation[] {
  if (location.location_type === 'virtual' || location.latitude === undefined || location.longitude === undefined) return [];
  const address =
    (location.addresses ?? []).find((candidate) => candidate.address_type === 'physical') ?? location.addresses?.[0];
  const result: DirectoryLocation = { id: location.id, latitude: location.latitude, longitude: location.longitude };
  if (address) result.postalCode = address.postal_code;
  return [result];
}

const OPENING_FIELDS = [
  'freq',
  'interval',
  'dtstart',
  'byday',
  'bymonthday',
  'opens_at',
  'closes_at',
  'valid_from',
  'valid_to',
  'timezone',
] as const satisfies ReadonlyArray<keyof OpeningSchedule>;

function toOpeningSchedule(schedule: HsdsSchedule): OpeningSchedule {
  const opening: OpeningSchedule = {};
  for (const field of OPENING_FIELDS) {
    if (schedule[field] !== undefined) Object.assign(opening, { [field]: schedule[field] });
  }
  return opening;
}

function tagsOf(languages: readonly HsdsLanguage[] | undefined): string[] {
  return unique((languages ?? []).flatMap((language) => languageTagFromHsds(language) ?? []));
}

function unique<T>(values: readonly T[], keyOf: (value: T) => unknown = (value) => value): T[] {
  const seen = new Set<unknown>();
  return values.filter((value) => {
    const key = keyOf(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Drops keys whose value is undefined, at every depth, so stored and exported JSON carry no empty keys. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => compact(item)) as T;
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) result[key] = compact(item);
  }
  return result as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(record: unknown): string | undefined {
  return isRecord(record) && typeof record['id'] === 'string' && record['id'].length <= 128 ? record['id'] : undefined;
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path) || '(record)'}: ${issue.message}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

function capReasons(reasons: string[]): string[] {
  if (reasons.length <= MAX_REASONS_PER_RECORD) return reasons;
  return [...reasons.slice(0, MAX_REASONS_PER_RECORD - 1), `... and ${reasons.length - MAX_REASONS_PER_RECORD + 1} more`];
}
