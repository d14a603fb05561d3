import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxEntry, OutboxRelay } from '@careloop/messaging';
import { Model } from 'mongoose';
import { Referral, ReferralDocument } from './schemas/referral.schema';

@Injectable()
export class ReferralsRepository {
  constructor(
    @InjectModel(Referral.name) private readonly referrals: Model<ReferralDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Stores the referral and its ReferralReceived event in one insert; the relay publishes the event. */
  async insert(referral: Referral, events: OutboxEntry[]): Promise<void> {
    await this.referrals.create({ ...referral, outbox: events });
    this.relay.kick();
  }

  /** A client's most recent referrals, newest first. */
  async listForClient(tenantId: string, clientId: string, limit: number): Promise<Referral[]> {
    return this.referrals
      .find({ tenantId, clientId }, { outbox: 0, outboxLeaseUntil: 0 })
      .sort({ receivedAt: -1, _id: -1 })
      .limit(limit)
      .lean<Referral[]>();
  }
}
