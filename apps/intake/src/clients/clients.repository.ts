import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxEntry, OutboxRelay } from '@careloop/messaging';
import { Model } from 'mongoose';
import { Client, ClientDocument } from './schemas/client.schema';

@Injectable()
export class ClientsRepository {
  constructor(
    @InjectModel(Client.name) private readonly clients: Model<ClientDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Stores the client and its event in one insert; the relay publishes the event. */
  async insert(client: Client, events: OutboxEntry[]): Promise<void> {
    await this.clients.create({ ...client, outbox: events });
    this.relay.kick();
  }

  async findById(tenantId: string, id: string): Promise<Client | null> {
    return this.clients.findOne({ tenantId, _id: id }, { outbox: 0, outboxLeaseUntil: 0 }).lean<Client>();
  }

  /** Existing clients that look like the same person: same match key, or any shared identifier. */
  async findLikelyDuplicates(tenantId: string, matchKey: string, identifiers: Client['identifiers']): Promise<string[]> {
    const or: object[] = [{ matchKey }];
    for (const id of identifiers) {
      or.push({ identifiers: { $elemMatch: { system: id.system, value: id.value } } });
    }
    const found = await this.clients.find({ tenantId, $or: or }, { _id: 1 }).limit(20).lean<Array<{ _id: string }>>();
    return found.map((c) => c._id);
  }

  /** Changes consent with an optimistic version check; returns false when the version moved. */
  async updateConsent(
    tenantId: string,
    id: string,
    expectedVersion: number,
    consent: Client['consent'],
    events: OutboxEntry[],
  ): Promise<boolean> {
    const result = await this.clients.updateOne(
      { tenantId, _id: id, version: expectedVersion },
      { $set: { consent }, $inc: { version: 1 }, $push: { outbox: { $each: events } } },
    );
    if (result.modifiedCount === 1) this.relay.kick();
    return result.modifiedCount === 1;
  }
}
