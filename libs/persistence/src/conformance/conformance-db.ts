import mongoose, { Connection, mongo } from 'mongoose';

// Pool sized above the largest race (50 parallel writers) so that every racer can have its own
// socket; with fewer sockets the driver would queue operations and the race would not happen.
const POOL_SIZE = 64;

export interface ConformanceDb {
  readonly connection: Connection;
  readonly db: mongo.Db;
  readonly dbName: string;
  /** Opens `count` sockets up front so that the next `count` parallel operations run concurrently. */
  warmPool(count: number): Promise<void>;
  /** Drops the suite's database and closes the connection. */
  dispose(): Promise<void>;
}

export const mongoFlavor = (): 'mongodb' | 'local' =>
  process.env.MONGODB_FLAVOR === 'mongodb' ? 'mongodb' : 'local';

export async function openConformanceDb(suite: string): Promise<ConformanceDb> {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    throw new Error('MONGODB_URI is not set: run through the jest global setup or export it yourself');
  }
  const dbName = `${process.env.MONGODB_DB_PREFIX ?? 'careloop_test_'}conformance_${suite}`;
  const client = new mongo.MongoClient(uri, { maxPoolSize: POOL_SIZE });
  let openSockets = 0;
  client.on('connectionReady', () => {
    openSockets += 1;
  });
  client.on('connectionClosed', () => {
    openSockets -= 1;
  });
  await client.connect();
  // The database is chosen with useDb, not a `dbName` client option: the driver would also take
  // that as the authentication database when the URI carries credentials.
  const base = mongoose.createConnection().setClient(client);
  const connection = base.useDb(dbName, { useCache: false });
  // Each spec builds its indexes explicitly before racing, instead of racing the background
  // index build mongoose would otherwise start on first use of a model.
  connection.set('autoIndex', false);
  connection.set('autoCreate', false);
  const db = connection.db;
  if (!db) {
    throw new Error(`connection to ${dbName} has no database handle`);
  }
  // A previous run killed half-way may have left data behind.
  await db.dropDatabase();

  return {
    connection,
    db,
    dbName,
    async warmPool(count: number): Promise<void> {
      // One burst of parallel pings does not fill the pool: the driver opens at most two sockets at
      // a time and hands returned sockets to waiting pings. Each burst adds a few; repeat until
      // the pool reports `count` ready sockets (idle sockets are kept: maxIdleTimeMS is 0).
      const deadline = Date.now() + 30_000;
      while (openSockets < count) {
        if (Date.now() > deadline) {
          throw new Error(`pool reached ${openSockets} of ${count} sockets`);
        }
        await Promise.all(Array.from({ length: count }, () => db.command({ ping: 1 })));
      }
    },
    async dispose(): Promise<void> {
      try {
        await db.dropDatabase();
      } finally {
        await base.close();
      }
    },
  };
}

export function isDuplicateKeyError(err: unknown): err is mongo.MongoServerError {
  return err instanceof mongo.MongoServerError && err.code === 11000;
}

/**
 * The index a duplicate-key error came from, read from the message. mongo-java-server sends no
 * `keyValue`/`keyPattern`, but both it and MongoDB write `... index: <name> dup key: ...`.
 */
export function duplicateKeyIndexName(err: unknown): string | undefined {
  if (!isDuplicateKeyError(err)) {
    return undefined;
  }
  const match = /index: (\S+) dup key/.exec(err.message);
  return match?.[1];
}

/** Settles every promise and returns the fulfilled values and the rejections apart. */
export async function settleAll<T>(
  tasks: ReadonlyArray<Promise<T>>,
): Promise<{ values: T[]; errors: unknown[] }> {
  const results = await Promise.allSettled(tasks);
  const values: T[] = [];
  const errors: unknown[] = [];
  for (const result of results) {
    if (result.status === 'fulfilled') {
      values.push(result.value);
    } else {
      errors.push(result.reason);
    }
  }
  return { values, errors };
}
