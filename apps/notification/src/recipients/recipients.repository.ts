import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@careloop/persistence';
import { Model } from 'mongoose';
import { Recipient, RecipientDocument } from './schemas/recipient.schema';

export type RecipientFields = Pick<Recipient, 'email' | 'phone' | 'preferredChannel' | 'language' | 'quietHours' | 'updatedBy'>;

export function recipientId(tenantId: string, userId: string): string {
  return `${tenantId}:${userId}`;
}

@Injectable()
export class RecipientsRepository {
  constructor(@InjectModel(Recipient.name) private readonly recipients: Model<RecipientDocument>) {}

  async find(tenantId: string, userId: string): Promise<Recipient | null> {
    return this.recipients.findOne({ tenantId, _id: recipientId(tenantId, userId) }).lean<Recipient>();
  }

  async findMany(tenantId: string, userIds: readonly string[]): Promise<Recipient[]> {
    if (userIds.length === 0) return [];
    return this.recipients.find({ tenantId, _id: { $in: userIds.map((u) => recipientId(tenantId, u)) } }).lean<Recipient[]>();
  }

  /** Replaces the preferences (PUT semantics: an omitted optional field is removed). */
  async put(tenantId: string, userId: string, fields: RecipientFields): Promise<Recipient> {
    const filter = { tenantId, _id: recipientId(tenantId, userId) };
    const set: Record<string, unknown> = {
      preferredChannel: fields.preferredChannel,
      language: fields.language,
      updatedBy: fields.updatedBy,
    };
    const unset: Record<string, ''> = {};
    for (const name of ['email', 'phone', 'quietHours'] as const) {
      if (fields[name] !== undefined) set[name] = fields[name];
      else unset[name] = '';
    }
    const update = {
      $set: set,
      ...(Object.keys(unset).length ? { $unset: unset } : {}),
      $inc: { version: 1 },
      $setOnInsert: { userId },
    };
    try {
      await this.recipients.updateOne(filter, update, { upsert: true });
    } catch (err) {
      // Two first PUTs of one user raced: the document exists now.
      if (!isDuplicateKeyError(err)) throw err;
      await this.recipients.updateOne(filter, update);
    }
    const stored = await this.find(tenantId, userId);
    if (!stored) throw new Error('recipient vanished after its upsert');
    return stored;
  }
}
