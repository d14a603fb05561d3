import { Id } from '@careloop/contracts';
import { z } from 'zod';
import {
  HSDS_ADDRESS_TYPES,
  HSDS_LOCATION_TYPES,
  HSDS_SCHEDULE_FREQUENCIES,
  HSDS_SERVICE_STATUSES,
  HSDS_WEEKDAYS,
  type HsdsOrganizationRecord,
  type HsdsService,
} from './hsds.types';

/*
 * Zod schemas of the HSDS records an import accepts. Tolerance is in the optional fields: feeds exported from
 * spreadsheets write null or "" for a missing value and numbers as strings, and enums in any case; those are
 * read as absent / numbers / canonical values. Parsing is idempotent, so parse(parse(x)) equals parse(x), which
 * is what makes export -> import -> export stable. Unknown fields are dropped.
 */

const isBlank = (value: unknown): boolean => value === null || (typeof value === 'string' && value.trim() === '');
const blankToUndefined = (value: unknown): unknown => (isBlank(value) ? undefined : value);

const optionalText = (max = 4000) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const requiredText = (max = 500) => z.string().trim().min(1, 'must not be empty').max(max);

const numberLike = (value: unknown): unknown => {
  if (isBlank(value)) return undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return value;
};
const optionalNumber = (min: number, max: number) => z.preprocess(numberLike, z.number().min(min).max(max).optional());
const requiredNumber = (min: number, max: number) => z.preprocess(numberLike, z.number().min(min).max(max));

const optionalId = z.preprocess(blankToUndefined, Id.optional());
const optionalList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === null ? undefined : value), z.array(item).max(1000).optional());

const lowerCased = (value: unknown): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const upperCased = (value: unknown): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);

const optionalDate = z.preprocess(blankToUndefined, z.iso.date().optional());
const optionalDateTime = z.preprocess(blankToUndefined, z.iso.datetime({ offset: true, local: true }).optional());

/** HH:MM[:SS[.fff]] with an optional Z or offset; a one-digit hour is padded so the stored form is canonical. */
const TIME_PATTERN = /^(\d{1,2}):([0-5]\d)(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;
const optionalTime = (allowEndOfDay: boolean) =>
  z.preprocess(
    (value) => {
      const present = blankToUndefined(value);
      if (typeof present !== 'string') return present;
      const trimmed = present.trim().toUpperCase();
      return /^\d:/.test(trimmed) ? `0${trimmed}` : trimmed;
    },
    z
      .string()
      .regex(TIME_PATTERN, { error: 'a time as HH:MM, optionally with Z or an offset', abort: true })
      .refine(
        (time) => Number(time.slice(0, 2)) < 24 || (allowEndOfDay && /^24:00(:00(\.0+)?)?(Z|[+-].*)?$/.test(time)),
        'hours must be 00-23 (24:00 only as a closing time)',
      )
      .optional(),
  );

const BYDAY_PART = new RegExp(`^([+-]?[1-5])?(${HSDS_WEEKDAYS.join('|')})$`);
const optionalByDay = z.preprocess(
  (value) => (typeof value === 'string' && !isBlank(value) ? value.replace(/\s+/g, '').toUpperCase() : blankToUndefined(value)),
  z
    .string()
    .refine((byday) => byday.split(',').every((part) => BYDAY_PART.test(part)), 'comma-separated days such as MO,WE or 2MO')
    .optional(),
);
const optionalByMonthDay = z.preprocess(
  (value) => (typeof value === 'string' && !isBlank(value) ? value.replace(/\s+/g, '') : blankToUndefined(value)),
  z
    .string()
    .refine(
      (days) => days.split(',').every((day) => /^-?\d{1,2}$/.test(day) && Math.abs(Number(day)) >= 1 && Math.abs(Number(day)) <= 31),
      'comma-separated days of the month, 1 to 31 or -1 to -31',
    )
    .optional(),
);

export const HsdsLanguageSchema = z.object({
  id: Id,
  service_id: optionalId,
  location_id: optionalId,
  phone_id: optionalId,
  name: optionalText(100),
  code: optionalText(35),
  note: optionalText(),
});

export const HsdsPhoneSchema = z.object({
  id: Id,
  location_id: optionalId,
  service_id: optionalId,
  organization_id: optionalId,
  contact_id: optionalId,
  service_at_location_id: optionalId,
  number: requiredText(40),
  extension: optionalNumber(0, 99_999_999),
  type: z.preprocess((value) => lowerCased(blankToUndefined(value)), z.string().max(20).optional()),
  description: optionalText(),
  languages: optionalList(HsdsLanguageSchema),
});

export const HsdsScheduleSchema = z.object({
  id: Id,
  service_id: optionalId,
  location_id: optionalId,
  service_at_location_id: optionalId,
  valid_from: optionalDate,
  valid_to: optionalDate,
  dtstart: optionalDate,
  timezone: optionalNumber(-14, 14),
  until: optionalDate,
  count: optionalNumber(1, 10_000),
  wkst: z.preprocess((value) => upperCased(blankToUndefined(value)), z.enum(HSDS_WEEKDAYS).optional()),
  freq: z.preprocess((value) => upperCased(blankToUndefined(value)), z.enum(HSDS_SCHEDULE_FREQUENCIES).optional()),
  interval: optionalNumber(1, 52),
  byday: optionalByDay,
  byweekno: optionalText(200),
  bymonthday: optionalByMonthDay,
  byyearday: optionalText(200),
  description: optionalText(),
  opens_at: optionalTime(false),
  closes_at: optionalTime(true),
  schedule_link: optionalText(2000),
  attending_type: optionalText(),
  notes: optionalText(),
});

export const HsdsAddressSchema = z.object({
  id: Id,
  location_id: optionalId,
  attention: optionalText(200),
  address_1: requiredText(),
  address_2: optionalText(500),
  city: requiredText(200),
  region: optionalText(200),
  state_province: requiredText(200),
  postal_code: requiredText(16),
  country: z.preprocess(upperCased, z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code')),
  address_type: z.preprocess(lowerCased, z.enum(HSDS_ADDRESS_TYPES)),
});

export const HsdsServiceAreaSchema = z.object({
  id: Id,
  service_id: optionalId,
  service_at_location_id: optionalId,
  name: optionalText(),
  description: optionalText(),
  extent: optionalText(1_000_000),
  extent_type: z.preprocess((value) => lowerCased(blankToUndefined(value)), z.string().max(20).optional()),
  uri: optionalText(2000),
});

export const HsdsTaxonomySchema = z.object({
  id: Id,
  name: requiredText(),
  description: requiredText(4000),
  uri: optionalText(2000),
  version: optionalText(100),
});

export const HsdsTaxonomyTermSchema = z.object({
  id: Id,
  code: optionalText(200),
  name: requiredText(),
  description: requiredText(4000),
  parent_id: optionalId,
  taxonomy: optionalText(2000),
  taxonomy_detail: z.preprocess(blankToUndefined, HsdsTaxonomySchema.optional()),
  language: optionalText(35),
  taxonomy_id: optionalId,
  term_uri: optionalText(2000),
});

export const HsdsAttributeSchema = z.object({
  id: Id,
  link_id: optionalId,
  taxonomy_term_id: optionalId,
  link_type: requiredText(100),
  link_entity: optionalText(100),
  value: optionalText(),
  taxonomy_term: z.preprocess(blankToUndefined, HsdsTaxonomyTermSchema.optional()),
});

export const HsdsUnitSchema = z.object({
  id: Id,
  name: requiredText(100),
  scheme: optionalText(100),
  identifier: optionalText(100),
  uri: optionalText(2000),
});

export const HsdsServiceCapacitySchema = z.object({
  id: Id,
  service_id: optionalId,
  unit_id: optionalId,
  unit: HsdsUnitSchema,
  available: requiredNumber(0, 1_000_000_000),
  maximum: optionalNumber(0, 1_000_000_000),
  description: optionalText(),
  updated: z.iso.datetime({ offset: true, local: true }),
});

export const HsdsLocationSchema = z.object({
  id: Id,
  location_type: z.preprocess(lowerCased, z.enum(HSDS_LOCATION_TYPES)),
  url: optionalText(2000),
  organization_id: optionalId,
  name: optionalText(),
  alternate_name: optionalText(),
  description: optionalText(),
  transportation: optionalText(),
  latitude: optionalNumber(-90, 90),
  longitude: optionalNumber(-180, 180),
  external_identifier: optionalText(200),
  external_identifier_type: optionalText(100),
  languages: optionalList(HsdsLanguageSchema),
  addresses: optionalList(HsdsAddressSchema),
  phones: optionalList(HsdsPhoneSchema),
  schedules: optionalList(HsdsScheduleSchema),
  attributes: optionalList(HsdsAttributeSchema),
});

export const HsdsServiceAtLocationSchema = z.object({
  id: Id,
  service_id: optionalId,
  location_id: optionalId,
  description: optionalText(),
  service_areas: optionalList(HsdsServiceAreaSchema),
  phones: optionalList(HsdsPhoneSchema),
  schedules: optionalList(HsdsScheduleSchema),
  location: z.preprocess(blankToUndefined, HsdsLocationSchema.optional()),
  attributes: optionalList(HsdsAttributeSchema),
});

export const HsdsServiceSchema = z.object({
  id: Id,
  organization_id: optionalId,
  program_id: optionalId,
  name: requiredText(),
  alternate_name: optionalText(500),
  description: optionalText(10_000),
  url: optionalText(2000),
  email: optionalText(320),
  status: z.preprocess(lowerCased, z.enum(HSDS_SERVICE_STATUSES)),
  interpretation_services: optionalText(),
  application_process: optionalText(),
  fees_description: optionalText(),
  accreditations: optionalText(),
  eligibility_description: optionalText(),
  minimum_age: optionalNumber(0, 130),
  maximum_age: optionalNumber(0, 130),
  assured_date: optionalDate,
  assurer_email: optionalText(320),
  alert: optionalText(),
  last_modified: optionalDateTime,
  phones: optionalList(HsdsPhoneSchema),
  schedules: optionalList(HsdsScheduleSchema),
  service_areas: optionalList(HsdsServiceAreaSchema),
  service_at_locations: optionalList(HsdsServiceAtLocationSchema),
  languages: optionalList(HsdsLanguageSchema),
  capacities: optionalList(HsdsServiceCapacitySchema),
  attributes: optionalList(HsdsAttributeSchema),
});

/** An organization's own fields; its services are validated one by one so one bad service does not sink the rest. */
export const HsdsOrganizationRecordSchema = z.object({
  id: Id,
  name: requiredText(),
  alternate_name: optionalText(500),
  description: requiredText(10_000),
  email: optionalText(320),
  website: optionalText(2000),
  year_incorporated: optionalNumber(1000, 3000),
  legal_status: optionalText(200),
  logo: optionalText(2000),
  uri: optionalText(2000),
  parent_organization_id: optionalId,
  phones: optionalList(HsdsPhoneSchema),
  locations: optionalList(HsdsLocationSchema),
  attributes: optionalList(HsdsAttributeSchema),
});

export const HsdsOrganizationEnvelopeSchema = HsdsOrganizationRecordSchema.extend({
  services: optionalList(z.unknown()),
});

// Compile-time proof that the schemas produce the hand-written HSDS types.
const _serviceMatchesType = (parsed: z.output<typeof HsdsServiceSchema>): HsdsService => parsed;
const _organizationMatchesType = (parsed: z.output<typeof HsdsOrganizationRecordSchema>): HsdsOrganizationRecord => parsed;
