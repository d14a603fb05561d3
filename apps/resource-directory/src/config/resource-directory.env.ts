import { BaseEnv } from '@careloop/observability';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';

export const GEO_SEARCH_MODES = ['auto', 'bounding-box'] as const;
export type GeoSearchMode = (typeof GEO_SEARCH_MODES)[number];

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export class ResourceDirectoryEnv extends BaseEnv {
  /**
   * When set, that tenant's directory is filled with the generated seed at start-up if it is empty (npm start, demos).
   * Unset in production: a real directory comes from an HSDS import.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'must be a tenant id (letters, digits, . _ : -)' })
  DIRECTORY_SEED_TENANT?: string;

  // Explicit: a field typed only by its initializer carries no design type for implicit conversion.
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  DIRECTORY_SEED_COUNT = 300;

  /**
   * HSDS schedules carry no IANA zone; opening hours without an explicit offset are read in this one (the region the
   * directory covers). Open-now search and the matcher's open-now reason depend on it.
   */
  @IsString()
  @ValidateBy({
    name: 'isTimeZone',
    validator: { validate: isTimeZone, defaultMessage: () => 'must be an IANA time zone such as America/New_York' },
  })
  DIRECTORY_TIME_ZONE = 'America/New_York';

  /**
   * `auto` uses $geoNear on a 2dsphere index when the database can run it (real MongoDB) and the bounding box on
   * indexed numbers otherwise; `bounding-box` forces the latter everywhere (to compare both paths on MongoDB).
   */
  @IsIn(GEO_SEARCH_MODES)
  DIRECTORY_GEO_SEARCH: GeoSearchMode = 'auto';

  /** How far from the client's area a referral looks for services. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  REFERRAL_MATCH_RADIUS_KM = 25;
}
