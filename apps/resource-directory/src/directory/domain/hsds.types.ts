/**
 * Open Referral Human Services Data Specification (HSDS) 3.x objects, as the JSON of the HSDS API carries them
 * (field names are the standard's, snake_case). Only the objects and fields this service uses are modelled; an
 * import drops the others (contacts, accessibility, cost_options, funding, program, required_documents, metadata),
 * which also keeps named contact people out of our store.
 *
 * Required fields follow each object's `required` list in the HSDS 3.1 JSON schemas. HSDS 3.x has no
 * `taxonomy_terms` property on a service: a service is classified through `attributes[].taxonomy_term`.
 */

export const HSDS_SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type HsdsServiceStatus = (typeof HSDS_SERVICE_STATUSES)[number];

export const HSDS_LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export type HsdsLocationType = (typeof HSDS_LOCATION_TYPES)[number];

export const HSDS_ADDRESS_TYPES = HSDS_LOCATION_TYPES;
export type HsdsAddressType = HsdsLocationType;

export const HSDS_SCHEDULE_FREQUENCIES = ['WEEKLY', 'MONTHLY'] as const;
export type HsdsScheduleFrequency = (typeof HSDS_SCHEDULE_FREQUENCIES)[number];

/** RFC 5545 two-letter weekday codes, as `byday` and `wkst` use them. */
export const HSDS_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type HsdsWeekday = (typeof HSDS_WEEKDAYS)[number];

export interface HsdsLanguage {
  id: string;
  service_id?: string;
  location_id?: string;
  phone_id?: string;
  name?: string;
  /** ISO 639-1 or ISO 639-3 code. */
  code?: string;
  note?: string;
}

export interface HsdsPhone {
  id: string;
  location_id?: string;
  service_id?: string;
  organization_id?: string;
  contact_id?: string;
  service_at_location_id?: string;
  number: string;
  extension?: number;
  /** RFC 6350 type: text, voice, fax, cell, video, pager, textphone. */
  type?: string;
  description?: string;
  languages?: HsdsLanguage[];
}

export interface HsdsSchedule {
  id: string;
  service_id?: string;
  location_id?: string;
  service_at_location_id?: string;
  /** YYYY-MM-DD */
  valid_from?: string;
  /** YYYY-MM-DD */
  valid_to?: string;
  /** YYYY-MM-DD; needed when `interval` is more than 1. */
  dtstart?: string;
  /** Hours from UTC that the schedule's times are expressed in. */
  timezone?: number;
  until?: string;
  count?: number;
  wkst?: HsdsWeekday;
  freq?: HsdsScheduleFrequency;
  interval?: number;
  /** Comma-separated days, e.g. `MO,WE`; with MONTHLY an ordinal may precede: `2MO`, `-1FR`. */
  byday?: string;
  byweekno?: string;
  bymonthday?: string;
  byyearday?: string;
  description?: string;
  /** HH:MM[:SS], optionally with `Z` or an offset such as `09:00-05:00`. */
  opens_at?: string;
  closes_at?: string;
  schedule_link?: string;
  attending_type?: string;
  notes?: string;
}

export interface HsdsAddress {
  id: string;
  location_id?: string;
  attention?: string;
  address_1: string;
  address_2?: string;
  city: string;
  region?: string;
  state_province: string;
  postal_code: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  address_type: HsdsAddressType;
}

export interface HsdsServiceArea {
  id: string;
  service_id?: string;
  service_at_location_id?: string;
  name?: string;
  description?: string;
  extent?: string;
  /** geojson, topojson, kml or text */
  extent_type?: string;
  uri?: string;
}

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code?: string;
  name: string;
  description: string;
  parent_id?: string;
  /** Free text naming the taxonomy in use, ideally a URI. */
  taxonomy?: string;
  taxonomy_detail?: HsdsTaxonomy;
  language?: string;
  taxonomy_id?: string;
  term_uri?: string;
}

export interface HsdsAttribute {
  id: string;
  link_id?: string;
  taxonomy_term_id?: string;
  /** What the term describes (an open codelist), e.g. `service_category`. */
  link_type: string;
  link_entity?: string;
  value?: string;
  taxonomy_term?: HsdsTaxonomyTerm;
}

/** HSDS 3.1 unit of service capacity ("Bed", "Appointment", ...). */
export interface HsdsUnit {
  id: string;
  name: string;
  scheme?: string;
  identifier?: string;
  uri?: string;
}

/** HSDS 3.1 service_capacity. */
export interface HsdsServiceCapacity {
  id: string;
  service_id?: string;
  unit_id?: string;
  unit: HsdsUnit;
  available: number;
  maximum?: number;
  description?: string;
  /** date-time of the last change */
  updated: string;
}

export interface HsdsLocation {
  id: string;
  location_type: HsdsLocationType;
  url?: string;
  organization_id?: string;
  name?: string;
  alternate_name?: string;
  description?: string;
  transportation?: string;
  latitude?: number;
  longitude?: number;
  external_identifier?: string;
  external_identifier_type?: string;
  languages?: HsdsLanguage[];
  addresses?: HsdsAddress[];
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  attributes?: HsdsAttribute[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id?: string;
  location_id?: string;
  description?: string;
  service_areas?: HsdsServiceArea[];
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  location?: HsdsLocation;
  attributes?: HsdsAttribute[];
}

export interface HsdsService {
  id: string;
  organization_id?: string;
  program_id?: string;
  name: string;
  alternate_name?: string;
  description?: string;
  url?: string;
  email?: string;
  status: HsdsServiceStatus;
  interpretation_services?: string;
  application_process?: string;
  fees_description?: string;
  accreditations?: string;
  /** HSDS eligibility is free text plus an age range. */
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  assurer_email?: string;
  alert?: string;
  last_modified?: string;
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  service_areas?: HsdsServiceArea[];
  service_at_locations?: HsdsServiceAtLocation[];
  languages?: HsdsLanguage[];
  /** HSDS 3.1 service_capacity list. */
  capacities?: HsdsServiceCapacity[];
  attributes?: HsdsAttribute[];
}

/** An organization's own HSDS fields, without the services it delivers. */
export interface HsdsOrganizationRecord {
  id: string;
  name: string;
  alternate_name?: string;
  description: string;
  email?: string;
  website?: string;
  year_incorporated?: number;
  legal_status?: string;
  logo?: string;
  uri?: string;
  parent_organization_id?: string;
  phones?: HsdsPhone[];
  /** Locations that a service_at_location may point at by `location_id`. */
  locations?: HsdsLocation[];
  attributes?: HsdsAttribute[];
}

/**
 * An organization with its services nested, the shape the HSDS API returns for an organization with
 * `full_service=true`, and the unit of our import document.
 */
export interface HsdsOrganization extends HsdsOrganizationRecord {
  services?: HsdsService[];
}

/** What an import accepts and an export produces. */
export interface HsdsImportDocument {
  organizations: HsdsOrganization[];
}
