import { Injectable } from '@nestjs/common';
import { RequestValidationError, type FieldError } from '@careloop/runtime';
import { ResourceDirectoryEnv } from '../config/resource-directory.env';
import { isWithinRadius, nearestDistanceKm } from '../directory/directory-geo';
import { DirectoryRepository, type Projection } from '../directory/directory.repository';
import type { DirectoryLocation, OpeningSchedule } from '../directory/domain/directory-service.model';
import type { HsdsPhone, HsdsService } from '../directory/domain/hsds.types';
import { canonicalLanguageTag } from '../directory/domain/language-tags';
import { GeoSearchCapability } from '../directory/geo-search-capability.service';
import { isOpenAt } from '../matching/domain/opening-hours';
import { DEFAULT_PER_PAGE, DEFAULT_SEARCH_RADIUS_KM, SearchServicesQueryDto } from './dto/search-services.query.dto';
import { ServiceSearchPageDto, ServiceSummaryDto } from './dto/service-search-page.dto';
import { serviceFilter, type ServiceSearchCriteria } from './service-search-filter';

/** What a result shows of a stored service; the HSDS source is read for description, url and phones only. */
const SUMMARY_PROJECTION: Projection = {
  id: 1,
  name: 1,
  organizationId: 1,
  organizationName: 1,
  status: 1,
  categoryKeys: 1,
  taxonomyCodes: 1,
  languages: 1,
  interpretationAvailable: 1,
  minimumAge: 1,
  maximumAge: 1,
  capacityStatus: 1,
  capacityReported: 1,
  locations: 1,
  schedules: 1,
  'hsds.description': 1,
  'hsds.url': 1,
  'hsds.phones': 1,
};

interface StoredSummary extends Omit<ServiceSummaryDto, 'description' | 'url' | 'phones' | 'distanceKm' | 'schedules'> {
  schedules: OpeningSchedule[];
  hsds?: Pick<HsdsService, 'description' | 'url' | 'phones'>;
}

/** Up to this many services left by the database are read whole in one pass (about 1 KB each). */
export const SINGLE_PASS_LIMIT = 500;

/** The few fields needed to decide distance and opening hours before a page is chosen. */
interface Candidate {
  id: string;
  name: string;
  locations: DirectoryLocation[];
  schedules?: OpeningSchedule[];
}

interface Hit {
  id: string;
  name: string;
  distanceKm?: number;
}

/**
 * Directory search. The database filters on indexed fields (category, taxonomy term, tokens, language, age, status,
 * and the radius pre-filter); exact distance and opening hours are decided here, then the page is read in full.
 */
@Injectable()
export class ServiceSearchService {
  constructor(
    private readonly repository: DirectoryRepository,
    private readonly geo: GeoSearchCapability,
    private readonly env: ResourceDirectoryEnv,
  ) {}

  async search(tenantId: string, query: SearchServicesQueryDto, now = new Date()): Promise<ServiceSearchPageDto> {
    return this.run(toSearchCriteria(tenantId, query, now));
  }

  async run(criteria: ServiceSearchCriteria): Promise<ServiceSearchPageDto> {
    const filter = serviceFilter(criteria);
    const skip = (criteria.page - 1) * criteria.perPage;
    const page = { page: criteria.page, perPage: criteria.perPage };

    if (!criteria.near && !criteria.openAt) {
      const [total, stored] = await Promise.all([
        this.repository.count(filter),
        this.repository.findPage<StoredSummary>(filter, SUMMARY_PROJECTION, { name: 1, id: 1 }, skip, criteria.perPage),
      ]);
      return { items: stored.map((service) => toSummary(service)), ...page, total };
    }

    const strategy = criteria.near ? await this.geo.strategy() : undefined;
    const near = { ...(criteria.near ? { near: criteria.near } : {}), ...(strategy ? { strategy } : {}) };
    // Most radius searches leave a few dozen services to decide on: read them whole in one pass. Past the bound, read
    // only what deciding needs, then the chosen page, so a wide search never holds thousands of full documents.
    const whole = await this.repository.find<StoredSummary>(filter, {
      ...near,
      projection: SUMMARY_PROJECTION,
      limit: SINGLE_PASS_LIMIT + 1,
    });
    if (whole.length <= SINGLE_PASS_LIMIT) {
      const hits = this.decide(criteria, whole);
      const byId = new Map(whole.map((service) => [service.id, service]));
      const items = hits.slice(skip, skip + criteria.perPage).flatMap((hit) => {
        const service = byId.get(hit.id);
        return service ? [toSummary(service, hit.distanceKm)] : [];
      });
      return { items, ...page, total: hits.length };
    }

    const candidates = await this.repository.find<Candidate>(filter, {
      ...near,
      projection: { id: 1, name: 1, locations: 1, ...(criteria.openAt ? { schedules: 1 } : {}) },
    });
    const hits = this.decide(criteria, candidates);
    const chosen = hits.slice(skip, skip + criteria.perPage);
    const stored = await this.repository.findByIds<StoredSummary>(
      criteria.tenantId,
      chosen.map((hit) => hit.id),
      SUMMARY_PROJECTION,
    );
    const byId = new Map(stored.map((service) => [service.id, service]));
    const items = chosen.flatMap((hit) => {
      const service = byId.get(hit.id);
      // Deleted between the two reads: skipped rather than shown half.
      return service ? [toSummary(service, hit.distanceKm)] : [];
    });
    return { items, ...page, total: hits.length };
  }

  /** Exact radius and opening hours, then the order: nearest first with a centre, by name otherwise. */
  private decide(criteria: ServiceSearchCriteria, candidates: readonly Candidate[]): Hit[] {
    const { near, openAt } = criteria;
    const hits: Hit[] = [];
    for (const candidate of candidates) {
      if (near && !isWithinRadius(near, candidate.locations)) continue;
      if (openAt && !isOpenAt(candidate.schedules ?? [], openAt, this.env.DIRECTORY_TIME_ZONE)) continue;
      const distanceKm = near ? nearestDistanceKm(near.center, candidate.locations) : undefined;
      hits.push(distanceKm === undefined ? { id: candidate.id, name: candidate.name } : { id: candidate.id, name: candidate.name, distanceKm });
    }
    return hits.sort(near ? byDistance : byName);
  }
}

/** Checks what a DTO cannot express alone and fills in the defaults. */
export function toSearchCriteria(tenantId: string, query: SearchServicesQueryDto, now: Date): ServiceSearchCriteria {
  const problems: FieldError[] = [];
  const hasLat = query.lat !== undefined;
  const hasLng = query.lng !== undefined;
  if (hasLat !== hasLng) problems.push({ field: hasLat ? 'lng' : 'lat', messages: ['lat and lng go together'] });
  if (query.radiusKm !== undefined && !hasLat && !hasLng) {
    problems.push({ field: 'radiusKm', messages: ['radiusKm needs lat and lng'] });
  }
  let language: string | undefined;
  if (query.language !== undefined) {
    language = canonicalLanguageTag(query.language);
    if (!language) problems.push({ field: 'language', messages: ['language must be a BCP 47 tag such as es or pt-BR'] });
  }
  if (query.at !== undefined && !query.openNow) problems.push({ field: 'at', messages: ['at is only used with openNow=true'] });
  if (problems.length > 0) throw new RequestValidationError(problems);

  const criteria: ServiceSearchCriteria = {
    tenantId,
    status: query.status ?? 'active',
    page: query.page ?? 1,
    perPage: query.perPage ?? DEFAULT_PER_PAGE,
  };
  if (query.category) criteria.category = query.category;
  if (query.taxonomyTermId) criteria.taxonomyTermId = query.taxonomyTermId;
  if (query.q !== undefined && query.q.trim() !== '') criteria.text = query.q;
  if (language) criteria.language = language;
  if (query.age !== undefined) criteria.age = query.age;
  if (query.lat !== undefined && query.lng !== undefined) {
    criteria.near = {
      center: { latitude: query.lat, longitude: query.lng },
      radiusKm: query.radiusKm ?? DEFAULT_SEARCH_RADIUS_KM,
    };
  }
  if (query.openNow) criteria.openAt = query.at !== undefined ? new Date(query.at) : now;
  return criteria;
}

function byDistance(a: Hit, b: Hit): number {
  return (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || compareText(a.id, b.id);
}

function byName(a: Hit, b: Hit): number {
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}

/** Code-unit order, as the database sorts strings, so both paths page the same way. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toSummary(service: StoredSummary, distanceKm?: number): ServiceSummaryDto {
  const { hsds, schedules, ...fields } = service;
  const summary: ServiceSummaryDto = {
    ...fields,
    schedules: schedules.map((schedule) => ({ ...schedule })),
    phones: (hsds?.phones ?? []).map(toPhone),
  };
  if (hsds?.description !== undefined) summary.description = hsds.description;
  if (hsds?.url !== undefined) summary.url = hsds.url;
  if (distanceKm !== undefined) summary.distanceKm = distanceKm;
  return summary;
}

function toPhone(phone: HsdsPhone): { number: string; type?: string; description?: string } {
  return {
    number: phone.number,
    ...(phone.type !== undefined ? { type: phone.type } : {}),
    ...(phone.description !== undefined ? { description: phone.description } : {}),
  };
}
