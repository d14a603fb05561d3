import { Connection } from 'mongoose';

/** What the database behind a connection can do beyond the single-document atomicity every code path relies on. */
export interface DatabaseCapabilities {
  /** Multi-document transactions (real MongoDB as a replica set). */
  readonly transactions: boolean;
  /** `$geoNear` / `$nearSphere` on a 2dsphere index. */
  readonly geoNear: boolean;
  /** `$text` queries on a text index. */
  readonly text: boolean;
  /** TTL indexes are honoured (expiry without a scheduled delete). */
  readonly ttl: boolean;
}

const PROBE_COLLECTION = '_capability_probe';

async function probe(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch {
    return false;
  }
}

/**
 * Detects capabilities by trying them on a scratch collection, not by trusting version strings: mongo-java-server creates
 * 2dsphere and text indexes without complaint but fails the queries, and accepts TTL indexes but never expires anything.
 */
export async function detectCapabilities(connection: Connection): Promise<DatabaseCapabilities> {
  const db = connection.db;
  if (!db) throw new Error('detectCapabilities needs an open connection');
  const probeCollection = db.collection(PROBE_COLLECTION);
  try {
    await probeCollection.insertOne({ at: { type: 'Point', coordinates: [0, 0] }, words: 'probe' });

    const geoNear = await probe(async () => {
      await probeCollection.createIndex({ at: '2dsphere' });
      await probeCollection
        .aggregate([{ $geoNear: { near: { type: 'Point', coordinates: [0, 0] }, distanceField: 'd', maxDistance: 10 } }])
        .toArray();
    });
    const text = await probe(async () => {
      await probeCollection.createIndex({ words: 'text' });
      await probeCollection.find({ $text: { $search: 'probe' } }).toArray();
    });
    const transactions = await probe(async () => {
      const session = connection.getClient().startSession();
      try {
        await session.withTransaction(async () => {
          await probeCollection.findOne({}, { session });
        });
      } finally {
        await session.endSession();
      }
    });
    // TTL cannot be observed quickly (the TTL monitor runs every 60 s). A real mongod reports the git commit it was built
    // from; mongo-java-server, which accepts TTL indexes and never expires anything, does not.
    const buildInfo = (await db.admin().command({ buildInfo: 1 })) as { gitVersion?: unknown };
    const ttl = typeof buildInfo.gitVersion === 'string' && buildInfo.gitVersion.length > 0;
    return { transactions, geoNear, text, ttl };
  } finally {
    await probeCollection.drop().catch(() => undefined);
  }
}
