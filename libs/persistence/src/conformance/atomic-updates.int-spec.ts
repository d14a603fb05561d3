import { Model, Schema } from 'mongoose';
import { ConformanceDb, openConformanceDb } from './conformance-db';

// One document is the unit of atomicity on every server we run on: counters, optimistic
// concurrency on a version field and leases all rest on single-document updates being atomic.

interface Counter {
  _id: string;
  value: number;
}

interface CarePlan {
  _id: string;
  version: number;
  status: string;
  updatedBy?: number;
}

interface Job {
  _id: string;
  leaseUntil?: Date;
  leaseOwner?: number;
}

const RACERS = 20;

describe('conformance: single-document atomic updates', () => {
  let store: ConformanceDb;
  let counters: Model<Counter>;
  let plans: Model<CarePlan>;
  let jobs: Model<Job>;

  beforeAll(async () => {
    store = await openConformanceDb('atomic_updates');
    counters = store.connection.model<Counter>(
      'Counter',
      new Schema<Counter>({ _id: String, value: { type: Number, required: true } }),
    );
    plans = store.connection.model<CarePlan>(
      'CarePlan',
      new Schema<CarePlan>({
        _id: String,
        version: { type: Number, required: true },
        status: { type: String, required: true },
        updatedBy: Number,
      }),
    );
    jobs = store.connection.model<Job>(
      'Job',
      new Schema<Job>({ _id: String, leaseUntil: Date, leaseOwner: Number }),
    );
    await store.warmPool(50);
  });

  afterAll(async () => {
    await store?.dispose();
  });

  it('50 parallel $inc on one document end at exactly 50', async () => {
    await counters.create({ _id: 'referrals', value: 0 });

    const results = await Promise.all(
      Array.from({ length: 50 }, () => counters.updateOne({ _id: 'referrals' }, { $inc: { value: 1 } })),
    );

    expect(results.every((r) => r.modifiedCount === 1)).toBe(true);
    const stored = await counters.findById('referrals').lean();
    expect(stored?.value).toBe(50);
  });

  it('a conditional update on a version field raced by 20 clients has exactly one winner, round after round', async () => {
    await plans.create({ _id: 'plan-1', version: 0, status: 'draft' });

    for (let round = 0; round < 5; round += 1) {
      // Every client read the same version before writing: the classic lost-update set-up.
      const seen = await plans.findById('plan-1').lean();
      expect(seen?.version).toBe(round);

      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, client) =>
          plans.updateOne(
            { _id: 'plan-1', version: round },
            { $set: { status: `round-${round}`, updatedBy: client }, $inc: { version: 1 } },
          ),
        ),
      );

      const winners = results.flatMap((r, client) => (r.modifiedCount === 1 ? [client] : []));
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.modifiedCount === 0)).toHaveLength(RACERS - 1);
      // A loser must not even match: matching without modifying would hide a lost update.
      expect(results.reduce((sum, r) => sum + r.matchedCount, 0)).toBe(1);

      const stored = await plans.findById('plan-1').lean();
      expect(stored).toMatchObject({ version: round + 1, status: `round-${round}`, updatedBy: winners[0] });
    }
  });

  describe('lease claim', () => {
    const claim = (id: string, owner: number, now: Date) =>
      jobs.updateOne(
        { _id: id, $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lt: now } }] },
        { $set: { leaseUntil: new Date(now.getTime() + 30_000), leaseOwner: owner } },
      );

    const race = async (id: string) => {
      const now = new Date();
      const results = await Promise.all(Array.from({ length: RACERS }, (_, owner) => claim(id, owner, now)));
      return results.flatMap((r, owner) => (r.modifiedCount === 1 ? [owner] : []));
    };

    it('on a job never leased: 20 clients, one winner, and the lease names the winner', async () => {
      await jobs.create({ _id: 'job-fresh' });

      const winners = await race('job-fresh');

      expect(winners).toHaveLength(1);
      const stored = await jobs.findById('job-fresh').lean();
      expect(stored?.leaseOwner).toBe(winners[0]);
      expect(stored?.leaseUntil?.getTime()).toBeGreaterThan(Date.now());
    });

    it('on an expired lease: 20 clients, one winner', async () => {
      await jobs.create({ _id: 'job-expired', leaseUntil: new Date(Date.now() - 1_000), leaseOwner: 999 });

      const winners = await race('job-expired');

      expect(winners).toHaveLength(1);
      const stored = await jobs.findById('job-expired').lean();
      expect(stored?.leaseOwner).toBe(winners[0]);
    });

    it('on a live lease: nobody wins', async () => {
      await jobs.create({ _id: 'job-held', leaseUntil: new Date(Date.now() + 60_000), leaseOwner: 999 });

      const winners = await race('job-held');

      expect(winners).toHaveLength(0);
      const stored = await jobs.findById('job-held').lean();
      expect(stored?.leaseOwner).toBe(999);
    });
  });
});
