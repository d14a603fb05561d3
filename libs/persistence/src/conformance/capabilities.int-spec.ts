import { detectCapabilities } from '../capabilities';
import { ConformanceDb, mongoFlavor, openConformanceDb } from './conformance-db';

// Code paths that need more than single-document atomicity (transactions, $geoNear, $text, TTL)
// sit behind detectCapabilities. On the local server it must say no, or those paths would be
// chosen and fail; on real MongoDB it must say yes, or the better paths would never run.
// MONGODB_FLAVOR=mongodb expects a replica set (or Atlas): a standalone mongod has no transactions.

describe('conformance: capability detection', () => {
  let store: ConformanceDb;

  beforeAll(async () => {
    store = await openConformanceDb('capabilities');
  });

  afterAll(async () => {
    await store?.dispose();
  });

  if (mongoFlavor() === 'mongodb') {
    it('reports every capability on MongoDB', async () => {
      await expect(detectCapabilities(store.connection)).resolves.toEqual({
        transactions: true,
        geoNear: true,
        text: true,
        ttl: true,
      });
    });
  } else {
    it('reports no transactions, $geoNear or $text on the local server', async () => {
      const capabilities = await detectCapabilities(store.connection);

      expect(capabilities).toMatchObject({ transactions: false, geoNear: false, text: false });
    });
  }

  it('leaves nothing behind in the database it probed', async () => {
    await detectCapabilities(store.connection);

    const collections = await store.db.listCollections({}, { nameOnly: true }).toArray();
    expect(collections).toEqual([]);
  });
});
