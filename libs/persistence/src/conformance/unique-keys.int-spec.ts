import { Model, Schema } from 'mongoose';
import { isDuplicateKeyError as isPlatformDuplicateKeyError } from '../duplicate-key';
import {
  ConformanceDb,
  duplicateKeyIndexName,
  isDuplicateKeyError,
  openConformanceDb,
  settleAll,
} from './conformance-db';

// Unique indexes are how the platform turns "at most one" rules into something the server
// enforces: one client per external reference, one membership per (tenant, email), one
// processed-event record per (consumer, event). Callers tell which rule fired by the index name.

interface Client {
  tenantId: string;
  externalRef: string;
  email: string;
  name: string;
}

interface Organization {
  _id: string;
  slug: string;
}

interface Tally {
  key: string;
  hits: number;
}

interface ProcessedEvent {
  _id: string;
  processedAt: Date;
}

/**
 * Runs an upsert and, on a duplicate-key error, runs it once more.
 *
 * Why: two upserts racing on a unique key may both find no document and both try to insert; the
 * server lets one insert and fails the other with 11000 (MongoDB retries some of these itself,
 * not all). On the retry the document exists, so the upsert takes the update path. One retry is
 * enough because the unique key can only be inserted once.
 */
async function upsertRetryingOnDuplicateKey<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (err) {
    if (!isDuplicateKeyError(err)) {
      throw err;
    }
    return upsert();
  }
}

describe('conformance: unique indexes and duplicate keys', () => {
  let store: ConformanceDb;
  let clients: Model<Client>;
  let organizations: Model<Organization>;
  let tallies: Model<Tally>;
  let processed: Model<ProcessedEvent>;

  beforeAll(async () => {
    store = await openConformanceDb('unique_keys');

    const clientSchema = new Schema<Client>({
      tenantId: { type: String, required: true },
      externalRef: { type: String, required: true },
      email: { type: String, required: true },
      name: { type: String, required: true },
    });
    clientSchema.index({ externalRef: 1 }, { unique: true, name: 'uniq_client_external_ref' });
    clientSchema.index({ tenantId: 1, email: 1 }, { unique: true, name: 'uniq_client_tenant_email' });
    clients = store.connection.model<Client>('Client', clientSchema);

    // Default index name (`slug_1`), as mongoose builds it when the schema gives none.
    const organizationSchema = new Schema<Organization>({ _id: String, slug: { type: String, unique: true } });
    organizations = store.connection.model<Organization>('Organization', organizationSchema);

    const tallySchema = new Schema<Tally>({ key: { type: String, required: true }, hits: Number });
    tallySchema.index({ key: 1 }, { unique: true, name: 'uniq_tally_key' });
    tallies = store.connection.model<Tally>('Tally', tallySchema);

    processed = store.connection.model<ProcessedEvent>(
      'ProcessedEvent',
      new Schema<ProcessedEvent>({ _id: String, processedAt: { type: Date, required: true } }),
    );

    await Promise.all([clients.createIndexes(), organizations.createIndexes(), tallies.createIndexes()]);
    await store.warmPool(50);
  });

  afterAll(async () => {
    await store?.dispose();
  });

  describe('duplicate key (11000) names the index', () => {
    beforeEach(async () => {
      await clients.deleteMany({});
      await clients.create({ tenantId: 't1', externalRef: 'ext-1', email: 'ada@example.org', name: 'Ada' });
    });

    it('on insert into a single-field unique index', async () => {
      const err = await clients
        .create({ tenantId: 't2', externalRef: 'ext-1', email: 'copy@example.org', name: 'Copy' })
        .catch((e: unknown) => e);

      expect(isDuplicateKeyError(err)).toBe(true);
      expect(duplicateKeyIndexName(err)).toBe('uniq_client_external_ref');
      // The helper the services call must tell this index from the other unique one.
      expect(isPlatformDuplicateKeyError(err, 'uniq_client_external_ref')).toBe(true);
      expect(isPlatformDuplicateKeyError(err, 'uniq_client_tenant_email')).toBe(false);
    });

    it('on insert into a compound unique index, and only when every key part collides', async () => {
      const err = await clients
        .create({ tenantId: 't1', externalRef: 'ext-2', email: 'ada@example.org', name: 'Copy' })
        .catch((e: unknown) => e);

      expect(duplicateKeyIndexName(err)).toBe('uniq_client_tenant_email');
      // Same email in another tenant is a different key.
      await expect(
        clients.create({ tenantId: 't2', externalRef: 'ext-3', email: 'ada@example.org', name: 'Other tenant' }),
      ).resolves.toBeDefined();
    });

    it('on update into a unique index, leaving the document unchanged', async () => {
      const other = await clients.create({ tenantId: 't1', externalRef: 'ext-9', email: 'bo@example.org', name: 'Bo' });

      const err = await clients
        .updateOne({ _id: other._id }, { $set: { email: 'ada@example.org' } })
        .catch((e: unknown) => e);

      expect(duplicateKeyIndexName(err)).toBe('uniq_client_tenant_email');
      const stored = await clients.findById(other._id).lean();
      expect(stored?.email).toBe('bo@example.org');
    });

    it('with the default index name mongoose gives `unique: true`', async () => {
      await organizations.create({ _id: 'org-1', slug: 'northside' });

      const err = await organizations.create({ _id: 'org-2', slug: 'northside' }).catch((e: unknown) => e);

      expect(duplicateKeyIndexName(err)).toBe('slug_1');
    });

    it('on a duplicate _id, as the `_id_` index', async () => {
      await organizations.create({ _id: 'org-dup', slug: 'first' });

      const err = await organizations.create({ _id: 'org-dup', slug: 'second' }).catch((e: unknown) => e);

      expect(duplicateKeyIndexName(err)).toBe('_id_');
    });
  });

  it('parallel upserts on a unique key leave one document and surface no error to callers', async () => {
    const upsert = () =>
      tallies.updateOne({ key: 'daily:2025-01-01' }, { $inc: { hits: 1 } }, { upsert: true });

    const { values, errors } = await settleAll(
      Array.from({ length: 50 }, () => upsertRetryingOnDuplicateKey(upsert)),
    );

    expect(errors).toEqual([]);
    expect(values).toHaveLength(50);
    expect(await tallies.countDocuments({ key: 'daily:2025-01-01' })).toBe(1);
    // Every caller's increment landed, whether it inserted, updated or retried.
    const stored = await tallies.findOne({ key: 'daily:2025-01-01' }).lean();
    expect(stored?.hits).toBe(50);
  });

  describe('upsertRetryingOnDuplicateKey', () => {
    // mongo-java-server serializes upserts (0 of 1,000 raced upserts got 11000 here), so the race
    // above never reaches the retry locally; these pin the helper itself with a real 11000.
    const realDuplicateKeyError = async (): Promise<unknown> => {
      await organizations.create({ _id: 'org-retry', slug: 'retry' }).catch(() => undefined);
      return organizations.create({ _id: 'org-retry', slug: 'retry-again' }).catch((e: unknown) => e);
    };

    it('runs the upsert a second time after 11000 and returns its result', async () => {
      const duplicate = await realDuplicateKeyError();
      expect(isDuplicateKeyError(duplicate)).toBe(true);
      let calls = 0;

      const result = await upsertRetryingOnDuplicateKey(async () => {
        calls += 1;
        if (calls === 1) throw duplicate;
        return 'updated';
      });

      expect(result).toBe('updated');
      expect(calls).toBe(2);
    });

    it('does not retry other errors, nor a second 11000', async () => {
      const duplicate = await realDuplicateKeyError();
      let calls = 0;
      const failing = (err: unknown) => async () => {
        calls += 1;
        throw err;
      };

      await expect(upsertRetryingOnDuplicateKey(failing(new Error('network')))).rejects.toThrow('network');
      expect(calls).toBe(1);
      calls = 0;
      await expect(upsertRetryingOnDuplicateKey(failing(duplicate))).rejects.toBe(duplicate);
      expect(calls).toBe(2);
    });
  });

  describe('processed-event records keyed `<consumer>:<eventId>`', () => {
    it('the second insert of the same record fails with 11000', async () => {
      await processed.create({ _id: 'notification:evt-1', processedAt: new Date() });

      const err = await processed
        .create({ _id: 'notification:evt-1', processedAt: new Date() })
        .catch((e: unknown) => e);

      expect(isDuplicateKeyError(err)).toBe(true);
      expect(duplicateKeyIndexName(err)).toBe('_id_');
    });

    it('another consumer of the same event has its own record', async () => {
      await processed.create({ _id: 'care-planning:evt-2', processedAt: new Date() });

      await expect(processed.create({ _id: 'notification:evt-2', processedAt: new Date() })).resolves.toBeDefined();
    });

    it('20 redeliveries racing: exactly one insert succeeds, the rest get 11000', async () => {
      const { values, errors } = await settleAll(
        Array.from({ length: 20 }, () => processed.create({ _id: 'intake:evt-3', processedAt: new Date() })),
      );

      expect(values).toHaveLength(1);
      expect(errors).toHaveLength(19);
      expect(errors.every(isDuplicateKeyError)).toBe(true);
    });
  });
});
