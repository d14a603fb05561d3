import { boundingBox, EARTH_RADIUS_KM, haversineKm, isInBoundingBox, type GeoPoint } from './geo-distance';

/** The point `distanceKm` from `start` along `bearingDegrees` (great-circle destination formula). */
function destination(start: GeoPoint, distanceKm: number, bearingDegrees: number): GeoPoint {
  const rad = Math.PI / 180;
  const angular = distanceKm / EARTH_RADIUS_KM;
  const bearing = bearingDegrees * rad;
  const lat1 = start.latitude * rad;
  const lng1 = start.longitude * rad;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing));
  const lng2 = lng1 + Math.atan2(Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1), Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2));
  const longitude = ((lng2 / rad + 540) % 360) - 180;
  return { latitude: lat2 / rad, longitude };
}

describe('haversineKm', () => {
  it('is zero for a point and itself, and symmetric', () => {
    const a = { latitude: 42.36, longitude: -71.06 };
    const b = { latitude: 42.2, longitude: -70.9 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 10);
  });

  it('measures one degree of latitude as 2 pi R / 360', () => {
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_KM) / 360, 6);
  });

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    const atEquator = haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 });
    const at60 = haversineKm({ latitude: 60, longitude: 0 }, { latitude: 60, longitude: 1 });
    expect(at60 / atEquator).toBeCloseTo(0.5, 2);
  });

  it('matches a known long distance (JFK to LAX, about 3,983 km)', () => {
    const jfk = { latitude: 40.6413, longitude: -73.7781 };
    const lax = { latitude: 33.9416, longitude: -118.4085 };
    expect(haversineKm(jfk, lax)).toBeGreaterThan(3970);
    expect(haversineKm(jfk, lax)).toBeLessThan(3990);
  });

  it('agrees with the destination formula', () => {
    const start = { latitude: 42.36, longitude: -71.06 };
    expect(haversineKm(start, destination(start, 12.5, 37))).toBeCloseTo(12.5, 6);
  });
});

describe('boundingBox', () => {
  it.each([
    [{ latitude: 42.36, longitude: -71.06 }, 25],
    [{ latitude: -33.87, longitude: 151.21 }, 5],
    [{ latitude: 0, longitude: 0 }, 100],
    [{ latitude: 69.65, longitude: 18.96 }, 50],
  ])('contains every point of the circle around %o of %d km', (center, radiusKm) => {
    const box = boundingBox(center, radiusKm);
    for (let bearing = 0; bearing < 360; bearing += 5) {
      expect(isInBoundingBox(destination(center, radiusKm * 0.999, bearing), box)).toBe(true);
    }
    // Tight: just outside each edge is farther than the radius.
    expect(haversineKm(center, { latitude: box.maxLatitude + 0.001, longitude: center.longitude })).toBeGreaterThan(radiusKm);
    expect(haversineKm(center, { latitude: box.minLatitude - 0.001, longitude: center.longitude })).toBeGreaterThan(radiusKm);
  });

  it('keeps a point outside the radius out of the box when it is far enough along an axis', () => {
    const center = { latitude: 42.36, longitude: -71.06 };
    const box = boundingBox(center, 10);
    expect(isInBoundingBox(destination(center, 12, 90), box)).toBe(false);
    expect(isInBoundingBox(destination(center, 12, 0), box)).toBe(false);
  });

  it('wraps across the antimeridian', () => {
    const center = { latitude: -17.7, longitude: 179.9 };
    const box = boundingBox(center, 50);
    expect(box.crossesAntimeridian).toBe(true);
    expect(box.minLongitude).toBeGreaterThan(box.maxLongitude);
    expect(isInBoundingBox({ latitude: -17.7, longitude: -179.9 }, box)).toBe(true);
    expect(isInBoundingBox({ latitude: -17.7, longitude: 0 }, box)).toBe(false);
  });

  it('spans every longitude near a pole', () => {
    const box = boundingBox({ latitude: 89.9, longitude: 10 }, 50);
    expect(box).toMatchObject({ maxLatitude: 90, minLongitude: -180, maxLongitude: 180, crossesAntimeridian: false });
  });

  it('refuses a negative radius', () => {
    expect(() => boundingBox({ latitude: 0, longitude: 0 }, -1)).toThrow(RangeError);
  });
});
