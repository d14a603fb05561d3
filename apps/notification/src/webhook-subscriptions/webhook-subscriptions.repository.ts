import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { WebhookSubscription } from '../domain/decide-recipients';
import { WebhookSubscriptionDocument, WebhookSubscriptionRecord } from './schemas/webhook-subscription.schema';

/** What delivery needs: the target and every secret that currently signs. */
export interface WebhookTarget {
  readonly url: string;
  readonly active: boolean;
  readonly secrets: readonly string[];
}

@Injectable()
export class WebhookSubscriptionsRepository {
  constructor(@InjectModel(WebhookSubscriptionRecord.name) private readonly subscriptions: Model<WebhookSubscriptionDocument>) {}

  async insert(subscription: WebhookSubscriptionRecord): Promise<void> {
    await this.subscriptions.create(subscription);
  }

  /** Scoped to one partner unless `partnerId` is undefined (a tenant admin). */
  async list(tenantId: string, partnerId: string | undefined): Promise<WebhookSubscriptionRecord[]> {
    return this.subscriptions
      .find({ tenantId, ...(partnerId ? { partnerId } : {}) })
      .sort({ createdAt: -1, _id: 1 })
      .limit(500)
      .lean<WebhookSubscriptionRecord[]>();
  }

  async find(tenantId: string, id: string, partnerId: string | undefined): Promise<WebhookSubscriptionRecord | null> {
    return this.subscriptions.findOne({ tenantId, _id: id, ...(partnerId ? { partnerId } : {}) }).lean<WebhookSubscriptionRecord>();
  }

  /** Active subscriptions of the tenant to this event type, in the shape the decision rules take. */
  async activeFor(tenantId: string, eventType: string): Promise<WebhookSubscription[]> {
    const found = await this.subscriptions
      .find({ tenantId, active: true, eventTypes: eventType }, { _id: 1, tenantId: 1, partnerId: 1, eventTypes: 1, active: 1 })
      .lean<WebhookSubscriptionRecord[]>();
    return found.map((s) => ({
      subscriptionId: s._id,
      tenantId: s.tenantId,
      partnerId: s.partnerId,
      eventTypes: [...s.eventTypes],
      active: s.active,
    }));
  }

  async targetFor(tenantId: string, id: string, now: Date): Promise<WebhookTarget | null> {
    const s = await this.subscriptions
      .findOne({ tenantId, _id: id })
      .select('+secret +previousSecret')
      .lean<WebhookSubscriptionRecord>();
    if (!s) return null;
    const previousValid = s.previousSecret && s.previousSecretValidUntil && new Date(s.previousSecretValidUntil) > now;
    return { url: s.url, active: s.active, secrets: previousValid ? [s.secret, s.previousSecret as string] : [s.secret] };
  }

  /** Swaps in a new secret if nobody changed the subscription since `expectedVersion` was read; false otherwise. */
  async rotateSecret(
    tenantId: string,
    id: string,
    expectedVersion: number,
    newSecret: string,
    previousValidUntil: Date,
    now: Date,
  ): Promise<boolean> {
    const current = await this.subscriptions
      .findOne({ tenantId, _id: id, version: expectedVersion, active: true })
      .select('+secret')
      .lean<WebhookSubscriptionRecord>();
    if (!current) return false;
    const result = await this.subscriptions.updateOne(
      { tenantId, _id: id, version: expectedVersion, active: true },
      {
        $set: {
          secret: newSecret,
          previousSecret: current.secret,
          previousSecretValidUntil: previousValidUntil,
          secretRotatedAt: now,
        },
        $inc: { version: 1 },
      },
    );
    return result.modifiedCount === 1;
  }

  async deactivate(tenantId: string, id: string, now: Date): Promise<void> {
    await this.subscriptions.updateOne(
      { tenantId, _id: id, active: true },
      { $set: { active: false, deactivatedAt: now }, $unset: { previousSecret: '' }, $inc: { version: 1 } },
    );
  }
}
