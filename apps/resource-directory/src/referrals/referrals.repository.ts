import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxEntry, OutboxRelay } from '@careloop/messaging';
import { CROSS_TENANT, isDuplicateKeyError } from '@careloop/persistence';
import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { Referral, ReferralDocument, ReferralStatusEntry } from './schemas/referral.schema';

const WITHOUT_OUTBOX = { outbox: 0, outboxLeaseUntil: 0 } as const;

export type InsertOutcome = 'inserted' | 'exists' | 'exists-in-another-tenant';

export interface StatusChange {
  set: Pick<Referral, 'status'> & Partial<Pick<Referral, 'statusReason' | 'outcome'>>;
  unset: Array<'statusReason' | 'outcome'>;
  entry: ReferralStatusEntry;
}

@Injectable()
export class ReferralsRepository {
  constructor(
    @InjectModel(Referral.name) private readonly referrals: Model<ReferralDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Stores the referral with its events in one insert. The referral id is the `_id`, so a second delivery of the same
   * ReferralMade (or a second event for the same referral) finds it stored and changes nothing.
   */
  async insert(referral: Referral, events: OutboxEntry[]): Promise<InsertOutcome> {
    try {
      await this.referrals.create({ ...referral, outbox: events });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Ids are UUIDs minted by care-planning; the same id in two tenants is a producer bug, not a repeat.
      const owner = await this.referrals
        .findOne({ _id: referral._id }, { tenantId: 1 })
        .setOptions(CROSS_TENANT)
        .lean<{ tenantId: string }>();
      return owner?.tenantId === referral.tenantId ? 'exists' : 'exists-in-another-tenant';
    }
    this.relay.kick();
    return 'inserted';
  }

  async exists(tenantId: string, id: string): Promise<boolean> {
    return (await this.referrals.exists({ tenantId, _id: id })) !== null;
  }

  async findById(tenantId: string, id: string): Promise<Referral | null> {
    return this.referrals.findOne({ tenantId, _id: id }, WITHOUT_OUTBOX).lean<Referral>();
  }

  async list(filter: FilterQuery<Referral>, skip: number, limit: number): Promise<{ items: Referral[]; total: number }> {
    const [items, total] = await Promise.all([
      this.referrals.find(filter, WITHOUT_OUTBOX).sort({ requestedAt: -1, _id: 1 }).skip(skip).limit(limit).lean<Referral[]>(),
      this.referrals.countDocuments(filter),
    ]);
    return { items, total };
  }

  /** Applies a status change with its event if the referral is still at `expectedVersion`; false when it moved on. */
  async changeStatus(
    tenantId: string,
    id: string,
    expectedVersion: number,
    change: StatusChange,
    events: OutboxEntry[],
  ): Promise<boolean> {
    const update: UpdateQuery<ReferralDocument> = {
      $set: change.set,
      $inc: { version: 1 },
      $push: { statusHistory: change.entry, outbox: { $each: events } },
    };
    if (change.unset.length > 0) update.$unset = Object.fromEntries(change.unset.map((field) => [field, 1]));
    const result = await this.referrals.updateOne({ tenantId, _id: id, version: expectedVersion }, update);
    if (result.modifiedCount !== 1) return false;
    this.relay.kick();
    return true;
  }
}
