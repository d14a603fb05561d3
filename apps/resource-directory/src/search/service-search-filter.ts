import type { NeedCategory } from '@careloop/contracts';
import type { FilterQuery } from 'mongoose';
import type { RadiusQuery } from '../directory/directory-geo';
import type { HsdsServiceStatus } from '../directory/domain/hsds.types';
import { baseLanguage } from '../directory/domain/language-tags';
import { toSearchTokens } from '../directory/domain/search-tokens';
import type { DirectoryServiceRecord } from '../directory/schemas/directory-service.schema';

/** A search, validated and normalized: what the filter and the in-code checks are built from. */
export interface ServiceSearchCriteria {
  tenantId: string;
  status: HsdsServiceStatus;
  category?: NeedCategory;
  taxonomyTermId?: string;
  text?: string;
  /** A canonical BCP 47 tag. */
  language?: string;
  age?: number;
  near?: RadiusQuery;
  /** Keep only services open at this moment. */
  openAt?: Date;
  page: number;
  perPage: number;
}

type Filter = FilterQuery<DirectoryServiceRecord>;

/**
 * What the database can decide on indexed fields: everything but the exact distance and opening hours, which are
 * evaluated in code on what this filter (and the radius pre-filter) returns.
 */
export function serviceFilter(criteria: ServiceSearchCriteria): Filter {
  const filter: Filter = { tenantId: criteria.tenantId, status: criteria.status };
  const and: Filter[] = [];
  if (criteria.category) filter.categoryKeys = criteria.category;
  if (criteria.taxonomyTermId) filter.taxonomyTermIds = criteria.taxonomyTermId;
  if (criteria.text !== undefined) and.push(...textClauses(criteria.text));
  if (criteria.language) filter.languages = languageClause(criteria.language);
  if (criteria.age !== undefined) and.push(...ageClauses(criteria.age));
  if (and.length > 0) filter.$and = and;
  return filter;
}

/**
 * Words as stored (`toSearchTokens` on both sides): every word but the last must be a token, the last may be the start
 * of one, so a search box can query as the user types. No word left (only stop words): no text condition.
 */
export function textClauses(text: string): Filter[] {
  const tokens = toSearchTokens(text);
  if (tokens.length === 0) return [];
  const whole = tokens.slice(0, -1);
  const last = tokens[tokens.length - 1];
  const clauses: Filter[] = [];
  if (whole.length > 0) clauses.push({ searchTokens: { $all: whole } });
  // Anchored and case-sensitive (tokens are folded already): the index bounds the scan to the prefix.
  clauses.push({ searchTokens: { $regex: `^${escapeRegex(last)}` } });
  return clauses;
}

/** The language itself or any regional or script variant of it: `es` finds `es` and `es-MX` services. */
export function languageClause(tag: string): { $regex: string } {
  return { $regex: `^${escapeRegex(baseLanguage(tag))}(-|$)` };
}

/** The service's age range, when it states one, includes the age. */
export function ageClauses(age: number): Filter[] {
  return [
    { $or: [{ minimumAge: { $exists: false } }, { minimumAge: { $lte: age } }] },
    { $or: [{ maximumAge: { $exists: false } }, { maximumAge: { $gte: age } }] },
  ];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
