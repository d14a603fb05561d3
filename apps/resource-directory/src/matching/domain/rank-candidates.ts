import type { AgeBand, ReferralMadeV1 } from '@careloop/contracts';
import type { DirectoryServiceDocument } from '../../directory/domain/directory-service.model';
import { baseLanguage, canonicalLanguageTag } from '../../directory/domain/language-tags';
import { RELATED_NEED_CATEGORIES } from '../../directory/domain/need-category-taxonomy';
import { haversineKm } from './geo-distance';
import { isOpenAt } from './opening-hours';

/*
 * Explainable matching. A service is first checked against hard rules (excluded, with the reasons, when it is not
 * active, serves an unrelated need, is out of the client's age range, or is beyond the radius); the rest get a
 * score in [0, 1], the weighted sum of five components, each in [0, 1] and each explained by a reason code.
 */

/**
 * Component weights; they sum to 1. Need fit first (a service for another need is useless however close); then
 * distance, because travel is the most cited barrier to completing a referral; language next, because a client
 * who cannot talk to the service rarely gets help; capacity, because a full service delays help but a waitlist
 * can still be right; eligibility last, since only the age part of HSDS eligibility is machine-checkable.
 */
export const MATCH_WEIGHTS = {
  need: 0.3,
  distance: 0.25,
  language: 0.2,
  capacity: 0.15,
  eligibility: 0.1,
} as const;

export type MatchComponent = keyof typeof MATCH_WEIGHTS;
export type MatchComponents = Record<MatchComponent, number>;

export const NEED_SCORES = { exact: 1, related: 0.5 } as const;

/** Distance score is linear from 1 at the client's location to 0 at the radius; these cover the cases without one. */
export const DISTANCE_SCORES = {
  /** The referral has no area: distance cannot count for or against. */
  unknown: 0.5,
  /** Phone or online only: no travel, but no place to go either. */
  remote: 0.7,
} as const;

export const LANGUAGE_SCORES = {
  exact: 1,
  /** Same language, other region or script (es-MX client, es service). */
  base: 0.85,
  interpretation: 0.5,
  unknown: 0.4,
  mismatch: 0,
} as const;

export const ELIGIBILITY_SCORES = {
  eligible: 1,
  /** The client's age band straddles the service's limit: worth a call, not a promise. */
  partial: 0.5,
} as const;

/** No capacity is penalised heavily but not excluded: capacity changes daily and the referrer may still want it. */
export const CAPACITY_SCORES = {
  'has-capacity': 1,
  unreported: 0.75,
  'additional-assessment-required': 0.6,
  waitlist: 0.35,
  waitlistUrgent: 0.15,
  'no-capacity': 0.05,
} as const;

export const DEFAULT_RADIUS_KM = 25;
/** ResourcesMatched carries at most 20 candidates. */
export const DEFAULT_CANDIDATE_LIMIT = 20;

/** Distance reason buckets, km: the smallest bucket at or above the distance names the reason (`within-5km`). */
export const DISTANCE_BUCKETS_KM = [1, 2, 5, 10, 25, 50, 100] as const;

export type MatchableService = Pick<
  DirectoryServiceDocument,
  | 'id'
  | 'organizationId'
  | 'status'
  | 'categoryKeys'
  | 'languages'
  | 'interpretationAvailable'
  | 'locations'
  | 'minimumAge'
  | 'maximumAge'
  | 'capacityStatus'
  | 'capacityReported'
  | 'capacityUpdatedAt'
  | 'schedules'
>;

export type MatchReferral = Pick<ReferralMadeV1, 'needCategory' | 'urgency' | 'context'>;

export interface RankOptions {
  /** Services farther than this are excluded. Default DEFAULT_RADIUS_KM. */
  radiusKm?: number;
  /** Candidates returned (excluded ones are all returned). Default DEFAULT_CANDIDATE_LIMIT. */
  limit?: number;
  /** Time zone of the services' schedules; when given, `open-now` / `closed-now` is added (not scored). */
  timeZone?: string;
  /** Capacity older than this counts as unreported; by default capacity never expires. */
  capacityMaxAgeDays?: number;
}

export interface RankedCandidate {
  serviceId: string;
  organizationId: string;
  score: number;
  /** To the nearest location; absent when the referral has no area or the service no location. */
  distanceKm?: number;
  reasons: string[];
  components: MatchComponents;
}

export type ExclusionReason =
  | 'status-inactive'
  | 'status-defunct'
  | 'status-temporarily-closed'
  | 'category-mismatch'
  | 'age-ineligible'
  | 'beyond-radius';

export interface ExcludedCandidate {
  serviceId: string;
  organizationId: string;
  /** Every hard rule the service fails, in the order status, need, age, distance. */
  reasons: ExclusionReason[];
  distanceKm?: number;
}

export interface RankResult {
  candidates: RankedCandidate[];
  excluded: ExcludedCandidate[];
}

export function rankCandidates(
  referral: MatchReferral,
  services: readonly MatchableService[],
  now: Date,
  options: RankOptions = {},
): RankResult {
  const radiusKm = options.radiusKm ?? DEFAULT_RADIUS_KM;
  const limit = options.limit ?? DEFAULT_CANDIDATE_LIMIT;
  const candidates: RankedCandidate[] = [];
  const excluded: ExcludedCandidate[] = [];

  for (const service of services) {
    const exclusions: ExclusionReason[] = [];
    const reasons: string[] = [];

    if (service.status !== 'active') exclusions.push(`status-${service.status.replace(/ /g, '-')}` as ExclusionReason);

    const need = scoreNeed(referral, service);
    if (need === undefined) exclusions.push('category-mismatch');
    else reasons.push(need.reason);

    const eligibility = scoreEligibility(referral.context.ageBand, service);
    if (eligibility === undefined) exclusions.push('age-ineligible');

    const distance = scoreDistance(referral, service, radiusKm);
    if (distance.excluded) exclusions.push('beyond-radius');

    if (exclusions.length > 0) {
      excluded.push(withDistance({ serviceId: service.id, organizationId: service.organizationId, reasons: exclusions }, distance.distanceKm));
      continue;
    }
    reasons.push(distance.reason);
    const language = scoreLanguage(referral.context.preferredLanguage, service);
    reasons.push(language.reason);
    if (eligibility) reasons.push(eligibility.reason);
    const capacity = scoreCapacity(referral, service, now, options.capacityMaxAgeDays);
    reasons.push(capacity.reason);
    if (options.timeZone !== undefined && service.schedules.length > 0) {
      reasons.push(isOpenAt(service.schedules, now, options.timeZone) ? 'open-now' : 'closed-now');
    }

    const components: MatchComponents = {
      need: need?.score ?? 0,
      distance: distance.score,
      language: language.score,
      capacity: capacity.score,
      eligibility: eligibility?.score ?? 0,
    };
    candidates.push(
      withDistance(
        { serviceId: service.id, organizationId: service.organizationId, score: weightedScore(components), reasons, components },
        distance.distanceKm,
      ),
    );
  }

  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
      a.serviceId.localeCompare(b.serviceId),
  );
  return { candidates: candidates.slice(0, Math.max(0, limit)), excluded };
}

export function weightedScore(components: MatchComponents): number {
  const total = (Object.keys(MATCH_WEIGHTS) as MatchComponent[]).reduce(
    (sum, key) => sum + MATCH_WEIGHTS[key] * components[key],
    0,
  );
  return Math.round(Math.min(1, Math.max(0, total)) * 10_000) / 10_000;
}

interface Scored {
  score: number;
  reason: string;
}

function scoreNeed(referral: MatchReferral, service: MatchableService): Scored | undefined {
  if (service.categoryKeys.includes(referral.needCategory)) return { score: NEED_SCORES.exact, reason: 'category-match' };
  const related = RELATED_NEED_CATEGORIES[referral.needCategory].find((category) => service.categoryKeys.includes(category));
  return related === undefined ? undefined : { score: NEED_SCORES.related, reason: `category-related:${related}` };
}

function scoreDistance(
  referral: MatchReferral,
  service: MatchableService,
  radiusKm: number,
): Scored & { distanceKm?: number; excluded: boolean } {
  const area = referral.context.area;
  if (service.locations.length === 0) return { score: DISTANCE_SCORES.remote, reason: 'remote-service', excluded: false };
  if (!area) return { score: DISTANCE_SCORES.unknown, reason: 'distance-unknown', excluded: false };
  const nearest = Math.min(...service.locations.map((location) => haversineKm(area, location)));
  const distanceKm = Math.round(nearest * 100) / 100;
  if (nearest > radiusKm) return { score: 0, reason: 'beyond-radius', distanceKm, excluded: true };
  const bucket = DISTANCE_BUCKETS_KM.find((limit) => nearest <= limit) ?? Math.ceil(radiusKm);
  return { score: radiusKm > 0 ? 1 - nearest / radiusKm : 1, reason: `within-${bucket}km`, distanceKm, excluded: false };
}

function scoreLanguage(preferred: string, service: MatchableService): Scored {
  const wanted = canonicalLanguageTag(preferred) ?? preferred;
  if (service.languages.some((tag) => tag.toLowerCase() === wanted.toLowerCase())) {
    return { score: LANGUAGE_SCORES.exact, reason: `language-match:${wanted}` };
  }
  const base = baseLanguage(wanted);
  if (service.languages.some((tag) => baseLanguage(tag) === base)) {
    return { score: LANGUAGE_SCORES.base, reason: `language-base-match:${base}` };
  }
  if (service.interpretationAvailable) return { score: LANGUAGE_SCORES.interpretation, reason: 'interpretation-available' };
  if (service.languages.length === 0) return { score: LANGUAGE_SCORES.unknown, reason: 'language-unknown' };
  return { score: LANGUAGE_SCORES.mismatch, reason: 'language-mismatch' };
}

/** Ages an age band covers, both ends included; 75+ is read as up to 130, the HSDS schema's maximum. */
export function ageBandRange(band: AgeBand): { from: number; to: number } {
  const [from, to] = band.endsWith('+') ? [Number(band.slice(0, -1)), 130] : band.split('-').map(Number);
  return { from, to };
}

function scoreEligibility(band: AgeBand, service: MatchableService): Scored | undefined {
  const { from, to } = ageBandRange(band);
  const minimum = service.minimumAge ?? 0;
  const maximum = service.maximumAge ?? Number.POSITIVE_INFINITY;
  if (to < minimum || from > maximum) return undefined;
  if (from >= minimum && to <= maximum) return { score: ELIGIBILITY_SCORES.eligible, reason: 'age-eligible' };
  return { score: ELIGIBILITY_SCORES.partial, reason: 'age-partially-eligible' };
}

function scoreCapacity(referral: MatchReferral, service: MatchableService, now: Date, maxAgeDays: number | undefined): Scored {
  if (!service.capacityReported) return { score: CAPACITY_SCORES.unreported, reason: 'capacity-unreported' };
  if (maxAgeDays !== undefined && service.capacityUpdatedAt !== undefined) {
    const ageDays = (now.getTime() - Date.parse(service.capacityUpdatedAt)) / 86_400_000;
    if (ageDays > maxAgeDays) return { score: CAPACITY_SCORES.unreported, reason: 'capacity-stale' };
  }
  switch (service.capacityStatus) {
    case 'has-capacity':
      return { score: CAPACITY_SCORES['has-capacity'], reason: 'has-capacity' };
    case 'additional-assessment-required':
      return { score: CAPACITY_SCORES['additional-assessment-required'], reason: 'additional-assessment-required' };
    case 'waitlist':
      // An urgent need cannot wait its turn on a list as well as a routine one can.
      return { score: referral.urgency === 'urgent' ? CAPACITY_SCORES.waitlistUrgent : CAPACITY_SCORES.waitlist, reason: 'waitlist' };
    case 'no-capacity':
      return { score: CAPACITY_SCORES['no-capacity'], reason: 'no-capacity' };
  }
}

function withDistance<T extends object>(value: T, distanceKm: number | undefined): T & { distanceKm?: number } {
  return distanceKm === undefined ? value : { ...value, distanceKm };
}
