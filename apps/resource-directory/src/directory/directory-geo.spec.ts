import { boundingBox, haversineKm } from '../matching/domain/geo-distance';
import { boundingBoxClause, GEO_NEAR_MARGIN, geoNearStage, geoPointsOf, isWithinRadius, nearestDistanceKm } from './directory-geo';

const center = { latitude: 42.36, longitude: -71.06 };

describe('directory geo queries', () => {
  it('keeps latitude and longitude on the same location with $elemMatch', () => {
    const box = boundingBox(center, 10);
    expect(boundingBoxClause({ center, radiusKm: 10 })).toEqual({
      locations: {
        $elemMatch: {
          latitude: { $gte: box.minLatitude, $lte: box.maxLatitude },
          longitude: { $gte: box.minLongitude, $lte: box.maxLongitude },
        },
      },
    });
  });

  it('splits the longitude range across the antimeridian', () => {
    const clause = boundingBoxClause({ center: { latitude: 0, longitude: 179.95 }, radiusKm: 20 }) as {
      locations: { $elemMatch: { $or: Array<{ longitude: Record<string, number> }> } };
    };
    const [east, west] = clause.locations.$elemMatch.$or;
    expect(east.longitude['$gte']).toBeGreaterThan(179);
    expect(west.longitude['$lte']).toBeLessThan(-179);
  });

  it('asks $geoNear for a little more than the radius, in metres, with the tenant in its query', () => {
    const stage = geoNearStage({ center, radiusKm: 5 }, { tenantId: 't1' });
    expect(stage.$geoNear).toMatchObject({
      near: { type: 'Point', coordinates: [-71.06, 42.36] },
      key: 'geo',
      maxDistance: 5000 * GEO_NEAR_MARGIN,
      spherical: true,
      query: { tenantId: 't1' },
    });
    // MongoDB's Earth radius (6378.1 km) over the mean radius haversineKm uses: the margin must cover the difference.
    expect(GEO_NEAR_MARGIN).toBeGreaterThan(6378.1 / 6371.0088);
  });

  it('measures to the nearest location and decides the radius on the exact distance', () => {
    const near = { id: 'a', latitude: 42.37, longitude: -71.06 };
    const far = { id: 'b', latitude: 42.6, longitude: -71.06 };
    expect(nearestDistanceKm(center, [far, near])).toBe(Math.round(haversineKm(center, near) * 100) / 100);
    expect(nearestDistanceKm(center, [])).toBeUndefined();
    const exact = haversineKm(center, near);
    expect(isWithinRadius({ center, radiusKm: exact }, [near])).toBe(true);
    expect(isWithinRadius({ center, radiusKm: exact - 0.001 }, [near])).toBe(false);
    expect(isWithinRadius({ center, radiusKm: 100 }, [])).toBe(false);
  });

  it('stores GeoJSON in longitude, latitude order, and none for a service without a place', () => {
    expect(geoPointsOf([{ id: 'a', latitude: 1, longitude: 2 }])).toEqual({ type: 'MultiPoint', coordinates: [[2, 1]] });
    expect(geoPointsOf([])).toBeUndefined();
  });
});
