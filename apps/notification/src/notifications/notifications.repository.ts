import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { OutboxEntry, OutboxRelay } from '@careloop/messaging';
import { CROSS_TENANT, isDuplicateKeyError } from '@careloop/persistence';
import { FilterQuery, Model } from 'mongoose';
import { DeliveryAttempt, Notification, NotificationDocument, NotificationRecord, NotificationStatus } from './schemas/notification.schema';

export interface DueNotification {
  readonly _id: string;
  readonly tenantId: string;
}

export interface LeasedNotification {
  readonly notification: NotificationRecord;
  readonly leaseToken: string;
}

export interface NotificationSearch {
  readonly clientId?: string;
  readonly status?: NotificationStatus;
  readonly page: number;
  readonly perPage: number;
}

const WITHOUT_OUTBOX = { outbox: 0, outboxLeaseUntil: 0 } as const;

function available(now: Date): FilterQuery<NotificationDocument> {
  return {
    status: 'pending',
    nextAttemptAt: { $lte: now },
    $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }],
  };
}

@Injectable()
export class NotificationsRepository {
  constructor(
    @InjectModel(Notification.name) private readonly notifications: Model<NotificationDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Stores an intended delivery; false when its idempotency key is already stored (a redelivered event). */
  async insertIfNew(notification: Notification): Promise<boolean> {
    try {
      await this.notifications.create(notification);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err, 'notification_key_unique')) return false;
      throw err;
    }
  }

  /** Due and not leased, across tenants: the dispatcher is platform machinery and serves every tenant. */
  async due(now: Date, limit: number): Promise<DueNotification[]> {
    return this.notifications
      .find(available(now), { _id: 1, tenantId: 1 })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .setOptions(CROSS_TENANT)
      .lean<DueNotification[]>();
  }

  /** Takes one notification for one attempt: a conditional update, so of several dispatchers exactly one wins. */
  async lease(ref: DueNotification, now: Date, leaseMs: number): Promise<LeasedNotification | null> {
    const leaseToken = randomUUID();
    const claimed = await this.notifications.updateOne(
      { tenantId: ref.tenantId, _id: ref._id, ...available(now) },
      { $set: { leaseUntil: new Date(now.getTime() + leaseMs), leaseToken } },
    );
    if (claimed.modifiedCount !== 1) return null;
    const notification = await this.notifications
      .findOne({ tenantId: ref.tenantId, _id: ref._id, leaseToken }, WITHOUT_OUTBOX)
      .lean<NotificationRecord>();
    return notification ? { notification, leaseToken } : null;
  }

  /**
   * Records an attempt, the resulting state and its event in one update, only while the lease is still ours (a
   * dispatcher that overran its lease must not overwrite what the next one did). False when the lease was lost.
   */
  async recordAttempt(
    tenantId: string,
    id: string,
    leaseToken: string,
    set: Partial<Notification>,
    attempt: DeliveryAttempt,
    events: OutboxEntry[],
  ): Promise<boolean> {
    const result = await this.notifications.updateOne(
      { tenantId, _id: id, leaseToken },
      {
        $set: { ...set, leaseUntil: null, leaseToken: null },
        $push: { attempts: attempt, outbox: { $each: events } },
      },
    );
    if (result.modifiedCount === 1) this.relay.kick();
    return result.modifiedCount === 1;
  }

  async findById(tenantId: string, id: string): Promise<Notification | null> {
    return this.notifications.findOne({ tenantId, _id: id }, WITHOUT_OUTBOX).lean<Notification>();
  }

  async search(tenantId: string, query: NotificationSearch): Promise<{ items: Notification[]; total: number }> {
    const filter: FilterQuery<NotificationDocument> = { tenantId };
    if (query.clientId) filter.clientId = query.clientId;
    if (query.status) filter.status = query.status;
    const [items, total] = await Promise.all([
      this.notifications
        .find(filter, WITHOUT_OUTBOX)
        .sort({ createdAt: -1, _id: 1 })
        .skip((query.page - 1) * query.perPage)
        .limit(query.perPage)
        .lean<Notification[]>(),
      this.notifications.countDocuments(filter),
    ]);
    return { items, total };
  }
}
