import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { NEED_CATEGORIES, type NeedCategory } from '@careloop/contracts';
import { HSDS_SERVICE_STATUSES, type HsdsServiceStatus } from '../../directory/domain/hsds.types';

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
export const MAX_RADIUS_KM = 200;
export const DEFAULT_SEARCH_RADIUS_KM = 25;
export const MAX_PAGE = 10_000;

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === 'true' || value === '1' || value === true) return true;
  if (value === 'false' || value === '0' || value === false) return false;
  return value;
};

export class SearchServicesQueryDto {
  @ApiPropertyOptional({ enum: NEED_CATEGORIES, description: 'Need category the service serves' })
  @IsOptional()
  @IsIn(NEED_CATEGORIES)
  category?: NeedCategory;

  @ApiPropertyOptional({ description: 'HSDS taxonomy_term id the service is tagged with' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'taxonomyTermId must be an identifier' })
  taxonomyTermId?: string;

  @ApiPropertyOptional({ description: 'Words of names and descriptions; the last word also matches as a prefix', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Latitude of the point to search around (with lng)', minimum: -90, maximum: 90 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ description: 'Longitude of the point to search around (with lat)', minimum: -180, maximum: 180 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng?: number;

  @ApiPropertyOptional({
    description: 'Radius around lat/lng; results are sorted by distance and carry distanceKm',
    minimum: 0,
    maximum: MAX_RADIUS_KM,
    default: DEFAULT_SEARCH_RADIUS_KM,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_RADIUS_KM)
  radiusKm?: number;

  @ApiPropertyOptional({ description: 'BCP 47 language the service is delivered in (es matches es-MX too)', example: 'es' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/, { message: 'language must be a BCP 47 tag such as es or pt-BR' })
  language?: string;

  @ApiPropertyOptional({ description: "Client's age: services whose age range excludes it are left out", minimum: 0, maximum: 130 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(130)
  age?: number;

  @ApiPropertyOptional({ description: 'Only services open now (or at `at`), by their HSDS schedules' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  openNow?: boolean;

  @ApiPropertyOptional({ description: 'The moment openNow is evaluated at (default: now)', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ enum: HSDS_SERVICE_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(HSDS_SERVICE_STATUSES)
  status?: HsdsServiceStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PER_PAGE)
  perPage?: number;
}
