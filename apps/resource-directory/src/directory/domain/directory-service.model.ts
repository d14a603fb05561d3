import type { NeedCategory } from '@careloop/contracts';
import type { HsdsOrganizationRecord, HsdsSchedule, HsdsService, HsdsServiceStatus } from './hsds.types';

/** Capacity answers of the closed loop (DOMAIN.md), as a receiving organization would give them. */
export const CAPACITY_STATUSES = ['has-capacity', 'no-capacity', 'waitlist', 'additional-assessment-required'] as const;
export type CapacityStatus = (typeof CAPACITY_STATUSES)[number];

/** A physical place where the service is delivered, reduced to what radius search needs. */
export interface DirectoryLocation {
  id: string;
  latitude: number;
  longitude: number;
  postalCode?: string;
}

/** An HSDS schedule reduced to the fields that decide whether a service is open at a given moment. */
export type OpeningSchedule = Pick<
  HsdsSchedule,
  'freq' | 'interval' | 'dtstart' | 'byday' | 'bymonthday' | 'opens_at' | 'closes_at' | 'valid_from' | 'valid_to' | 'timezone'
>;

/**
 * What the service persists: one document per HSDS service, with the fields search and matching query
 * (camelCase) beside the HSDS source they were derived from (`hsds`, `hsdsOrganization`), which is what an
 * export returns. Keeping the organization's record on each service makes one collection enough to export.
 */
export interface DirectoryServiceDocument {
  /** The HSDS service id. */
  id: string;
  organizationId: string;
  organizationName: string;
  name: string;
  status: HsdsServiceStatus;
  /** Our need categories, derived from the service's taxonomy terms (see NEED_CATEGORY_TAXONOMY). */
  categoryKeys: NeedCategory[];
  /** HSDS taxonomy_term ids and codes, for the HSDS API's taxonomy_term_id filter. */
  taxonomyTermIds: string[];
  taxonomyCodes: string[];
  /** Folded words of the names, descriptions and term names (see toSearchTokens). */
  searchTokens: string[];
  /** BCP 47 tags of the languages the service is delivered in. */
  languages: string[];
  /** The service states interpretation for other languages. */
  interpretationAvailable: boolean;
  locations: DirectoryLocation[];
  minimumAge?: number;
  maximumAge?: number;
  schedules: OpeningSchedule[];
  capacityStatus: CapacityStatus;
  /** False when the feed said nothing about capacity and `capacityStatus` is the optimistic default. */
  capacityReported: boolean;
  capacityUpdatedAt?: string;
  /** HSDS last_modified, for the API's modified_after filter. */
  lastModified?: string;
  hsds: HsdsService;
  hsdsOrganization: HsdsOrganizationRecord;
}

/** An organization as an import accepted it: its HSDS record and the storage documents of its valid services. */
export interface NormalizedOrganization {
  id: string;
  name: string;
  organization: HsdsOrganizationRecord;
  services: DirectoryServiceDocument[];
}
