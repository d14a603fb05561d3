import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventEnvelope } from '@careloop/contracts';
import { isDuplicateKeyError } from '@careloop/persistence';
import { Model } from 'mongoose';
import { DeferredEvent, DeferredEventDocument } from './schemas/deferred-event.schema';

@Injectable()
export class DeferredEventsRepository {
  constructor(@InjectModel(DeferredEvent.name) private readonly deferred: Model<DeferredEventDocument>) {}

  async defer(clientId: string, event: EventEnvelope<unknown>): Promise<void> {
    try {
      await this.deferred.create({
        _id: event.id,
        tenantId: event.tenantid,
        clientId,
        envelope: JSON.stringify(event),
        deferredAt: new Date(),
      });
    } catch (err) {
      // Deferred already (a redelivery of the same event).
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async forClient(tenantId: string, clientId: string): Promise<Array<{ id: string; event: EventEnvelope<unknown> }>> {
    const found = await this.deferred.find({ tenantId, clientId }).sort({ deferredAt: 1 }).lean<DeferredEvent[]>();
    return found.map((d) => ({ id: d._id, event: JSON.parse(d.envelope) as EventEnvelope<unknown> }));
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.deferred.deleteOne({ tenantId, _id: id });
  }
}
