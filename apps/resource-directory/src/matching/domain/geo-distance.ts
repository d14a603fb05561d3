/** A point in WGS84 decimal degrees, the shape of ServiceArea in @careloop/contracts and of stored locations. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** Mean Earth radius (IUGG), km. The spherical model errs by under 0.5 %, far below what a referral radius needs. */
export const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;
const toDegrees = (radians: number): number => (radians * 180) / Math.PI;

/** Great-circle distance in km. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The latitude/longitude ranges that contain every point within `radiusKm` of `center`, for an indexed range
 * query before the exact haversine filter. When the box crosses the antimeridian, `minLongitude` is greater than
 * `maxLongitude` and the query must be `longitude >= min OR longitude <= max`; near a pole every longitude is in.
 */
export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
  crossesAntimeridian: boolean;
}

export function boundingBox(center: GeoPoint, radiusKm: number): BoundingBox {
  if (!(radiusKm >= 0)) throw new RangeError('radiusKm must be a non-negative number');
  const angular = radiusKm / EARTH_RADIUS_KM;
  const minLatitude = center.latitude - toDegrees(angular);
  const maxLatitude = center.latitude + toDegrees(angular);
  if (minLatitude <= -90 || maxLatitude >= 90) {
    return {
      minLatitude: Math.max(minLatitude, -90),
      maxLatitude: Math.min(maxLatitude, 90),
      minLongitude: -180,
      maxLongitude: 180,
      crossesAntimeridian: false,
    };
  }
  // The widest longitude span is not at the centre's latitude but where the circle touches a meridian
  // (Matuschek, "Finding Points Within a Distance of a Latitude/Longitude Using Bounding Coordinates").
  const ratio = Math.sin(angular) / Math.cos(toRadians(center.latitude));
  if (ratio >= 1) {
    return { minLatitude, maxLatitude, minLongitude: -180, maxLongitude: 180, crossesAntimeridian: false };
  }
  const deltaLongitude = toDegrees(Math.asin(ratio));
  let minLongitude = center.longitude - deltaLongitude;
  let maxLongitude = center.longitude + deltaLongitude;
  const crossesAntimeridian = minLongitude < -180 || maxLongitude > 180;
  if (minLongitude < -180) minLongitude += 360;
  if (maxLongitude > 180) maxLongitude -= 360;
  return { minLatitude, maxLatitude, minLongitude, maxLongitude, crossesAntimeridian };
}

/** Whether a point lies in the box, honouring an antimeridian crossing. */
export function isInBoundingBox(point: GeoPoint, box: BoundingBox): boolean {
  if (point.latitude < box.minLatitude || point.latitude > box.maxLatitude) return false;
  return box.crossesAntimeridian
    ? point.longitude >= box.minLongitude || point.longitude <= box.maxLongitude
    : point.longitude >= box.minLongitude && point.longitude <= box.maxLongitude;
}
