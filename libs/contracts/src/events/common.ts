import { z } from 'zod';
import { AGE_BANDS } from '../enums/domain';

/** Identifiers are opaque strings (UUIDs when we mint them); never a name or a record number. */
export const Id = z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/, 'identifier characters only');
export const Timestamp = z.iso.datetime({ offset: true });
export const LanguageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or es-MX');

/**
 * Where a client can be served, coarsened on purpose: a postal code and coordinates rounded to two decimals
 * (about a kilometre), enough for radius search and never a street address.
 */
export const ServiceArea = z.object({
  postalCode: z.string().max(16).optional(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type ServiceArea = z.infer<typeof ServiceArea>;

export const AgeBandSchema = z.enum(AGE_BANDS);

/** What a receiving organization may know about a client to decide on a referral (minimum necessary). */
export const ClientReferralContext = z.object({
  preferredLanguage: LanguageTag,
  ageBand: AgeBandSchema,
  area: ServiceArea.optional(),
});
export type ClientReferralContext = z.infer<typeof ClientReferralContext>;

export const CodeableConcept = z.object({
  system: z.string().min(1).max(200),
  code: z.string().min(1).max(64),
  display: z.string().max(200).optional(),
});
export type CodeableConcept = z.infer<typeof CodeableConcept>;
