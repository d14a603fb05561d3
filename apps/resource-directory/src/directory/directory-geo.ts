import type { FilterQuery, PipelineStage } from 'mongoose';
import { boundingBox, haversineKm, type GeoPoint } from '../matching/domain/geo-distance';
import type { DirectoryLocation } from './domain/directory-service.model';
import type { DirectoryServiceRecord, GeoMultiPoint } from './schemas/directory-service.schema';

/** How a radius query reaches the database: `$geoNear` on a 2dsphere index, or a bounding box on indexed numbers. */
export type GeoStrategy = 'geo-near' | 'bounding-box';

export interface RadiusQuery {
  center: GeoPoint;
  radiusKm: number;
}

/**
 * MongoDB measures spherical distance with an Earth radius of 6378.1 km, haversineKm with the mean 6371.0 km (0.11 %
 * less). $geoNear is only the indexed pre-filter: it is asked for a little more, and the exact distance in code decides,
 * so both strategies return the same services.
 */
export const GEO_NEAR_MARGIN = 1.01;

/** The GeoJSON stored beside the locations, or undefined for a service with no physical place. */
export function geoPointsOf(locations: readonly DirectoryLocation[]): GeoMultiPoint | undefined {
  if (locations.length === 0) return undefined;
  return { type: 'MultiPoint', coordinates: locations.map((location) => [location.longitude, location.latitude]) };
}

/**
 * A location of the service inside the radius's bounding box. `$elemMatch` keeps latitude and longitude on the same
 * location (two ranges on the array would accept one location's latitude with another's longitude).
 */
export function boundingBoxClause({ center, radiusKm }: RadiusQuery): FilterQuery<DirectoryServiceRecord> {
  const box = boundingBox(center, radiusKm);
  const latitude = { $gte: box.minLatitude, $lte: box.maxLatitude };
  if (box.crossesAntimeridian) {
    return {
      locations: {
        $elemMatch: { latitude, $or: [{ longitude: { $gte: box.minLongitude } }, { longitude: { $lte: box.maxLongitude } }] },
      },
    };
  }
  return { locations: { $elemMatch: { latitude, longitude: { $gte: box.minLongitude, $lte: box.maxLongitude } } } };
}

/** The first stage of a radius aggregation on MongoDB; `query` must carry the tenant (the stage precedes any $match). */
export function geoNearStage({ center, radiusKm }: RadiusQuery, query: FilterQuery<DirectoryServiceRecord>): PipelineStage.GeoNear {
  return {
    $geoNear: {
      near: { type: 'Point', coordinates: [center.longitude, center.latitude] },
      key: 'geo',
      distanceField: '_geoDistanceMeters',
      maxDistance: radiusKm * 1000 * GEO_NEAR_MARGIN,
      spherical: true,
      query,
    },
  };
}

/** Distance to the nearest location, km, rounded to 10 m like the matcher's; undefined without a location. */
export function nearestDistanceKm(center: GeoPoint, locations: readonly DirectoryLocation[]): number | undefined {
  if (locations.length === 0) return undefined;
  const nearest = Math.min(...locations.map((location) => haversineKm(center, location)));
  return Math.round(nearest * 100) / 100;
}

/** Exact radius test on the unrounded distance, so the boundary does not depend on rounding. */
export function isWithinRadius({ center, radiusKm }: RadiusQuery, locations: readonly DirectoryLocation[]): boolean {
  return locations.some((location) => haversineKm(center, location) <= radiusKm);
}
