import { randomUUID } from 'node:crypto';
import { Model, Schema } from 'mongoose';
import { ConformanceDb, openConformanceDb } from './conformance-db';

// The transactional outbox without transactions: the state change and the event it produces are
// written by one updateOne on one document, so either both land or neither does. A relay finds
// documents with pending events, publishes them, then pulls exactly the published ones; a newer
// event pushed meanwhile must survive the pull.

interface OutboxEvent {
  id: string;
  type: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

interface Referral {
  _id: string;
  status: string;
  version: number;
  outbox: OutboxEvent[];
}

const event = (type: string): OutboxEvent => ({
  id: randomUUID(),
  type,
  occurredAt: new Date(),
  payload: { note: `${type} payload` },
});

describe('conformance: outbox embedded in the aggregate document', () => {
  let store: ConformanceDb;
  let referrals: Model<Referral>;

  beforeAll(async () => {
    store = await openConformanceDb('outbox');
    const outboxEventSchema = new Schema<OutboxEvent>(
      {
        id: { type: String, required: true },
        // Spelled out because mongoose reads a bare `type: String` here as the field's own type.
        type: { type: String, required: true },
        occurredAt: { type: Date, required: true },
        payload: { type: Schema.Types.Mixed, required: true },
      },
      { _id: false },
    );
    referrals = store.connection.model<Referral>(
      'Referral',
      new Schema<Referral>({
        _id: String,
        status: { type: String, required: true },
        version: { type: Number, required: true },
        outbox: { type: [outboxEventSchema], default: [] },
      }),
    );
    await store.warmPool(20);
  });

  afterAll(async () => {
    await store?.dispose();
  });

  beforeEach(async () => {
    await referrals.deleteMany({});
  });

  it('one updateOne changes the state and appends the event together', async () => {
    await referrals.create({ _id: 'ref-1', status: 'made', version: 0 });
    const accepted = event('ReferralAccepted');

    const result = await referrals.updateOne(
      { _id: 'ref-1', version: 0 },
      { $set: { status: 'accepted' }, $inc: { version: 1 }, $push: { outbox: accepted } },
    );

    expect(result.modifiedCount).toBe(1);
    const stored = await referrals.findById('ref-1').lean();
    expect(stored).toMatchObject({ status: 'accepted', version: 1 });
    expect(stored?.outbox).toEqual([accepted]);
  });

  it('a stale version writes neither the state nor the event', async () => {
    await referrals.create({ _id: 'ref-2', status: 'accepted', version: 3 });

    const result = await referrals.updateOne(
      { _id: 'ref-2', version: 2 },
      { $set: { status: 'declined' }, $inc: { version: 1 }, $push: { outbox: event('ReferralDeclined') } },
    );

    expect(result.modifiedCount).toBe(0);
    const stored = await referrals.findById('ref-2').lean();
    expect(stored).toMatchObject({ status: 'accepted', version: 3, outbox: [] });
  });

  it("find({'outbox.0': {$exists: true}}) returns only documents with pending events", async () => {
    await referrals.create([
      { _id: 'pending-a', status: 'made', version: 1, outbox: [event('ReferralMade')] },
      { _id: 'pending-b', status: 'made', version: 1, outbox: [event('ReferralMade'), event('ReferralAccepted')] },
      { _id: 'drained', status: 'made', version: 2, outbox: [] },
      { _id: 'never', status: 'made', version: 0 },
    ]);

    const pending = await referrals.find({ 'outbox.0': { $exists: true } }, { _id: 1 }).sort({ _id: 1 }).lean();

    expect(pending.map((d) => d._id)).toEqual(['pending-a', 'pending-b']);
  });

  it('$pull of the published ids keeps an event pushed concurrently, round after round', async () => {
    for (let round = 0; round < 20; round += 1) {
      const id = `ref-race-${round}`;
      const published = [event('ReferralMade'), event('ReferralAccepted')];
      await referrals.create({ _id: id, status: 'accepted', version: 2, outbox: published });

      // The relay has published what it read; the service keeps writing while the relay cleans up.
      const newer = Array.from({ length: 5 }, () => event('ReferralClosed'));
      const [pull] = await Promise.all([
        referrals.updateOne({ _id: id }, { $pull: { outbox: { id: { $in: published.map((e) => e.id) } } } }),
        ...newer.map((e) =>
          referrals.updateOne({ _id: id }, { $set: { status: 'closed' }, $inc: { version: 1 }, $push: { outbox: e } }),
        ),
      ]);

      expect(pull.modifiedCount).toBe(1);
      const stored = await referrals.findById(id).lean();
      const left = stored?.outbox.map((e) => e.id) ?? [];
      expect([...left].sort()).toEqual(newer.map((e) => e.id).sort());
      expect(stored?.version).toBe(2 + newer.length);
    }
  });

  it('$pull with ids that are already gone changes nothing (a relay retrying after a crash)', async () => {
    const kept = event('ReferralMade');
    await referrals.create({ _id: 'ref-retry', status: 'made', version: 1, outbox: [kept] });

    const result = await referrals.updateOne(
      { _id: 'ref-retry' },
      { $pull: { outbox: { id: { $in: [randomUUID()] } } } },
    );

    expect(result.modifiedCount).toBe(0);
    const stored = await referrals.findById('ref-retry').lean();
    expect(stored?.outbox).toEqual([kept]);
  });
});
