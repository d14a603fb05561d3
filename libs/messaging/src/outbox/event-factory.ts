import { randomUUID } from 'node:crypto';
import { EventContext, EventDefinition, createEnvelope, toKafkaRecord } from '@careloop/contracts';
import { RequestContext } from '@careloop/observability';
import { z } from 'zod';
import { OutboxEntry } from './outbox.schema';

export interface EventOptions {
  /** Defaults to the tenant, correlation and causation of the current request or message. */
  readonly context?: Partial<EventContext>;
  readonly subject?: string;
  readonly time?: Date;
  readonly id?: string;
}

export class MissingEventContextError extends Error {
  constructor(what: string) {
    super(`Cannot build an event without ${what}: call inside a request or message context, or pass it explicitly`);
    this.name = 'MissingEventContextError';
  }
}

/**
 * Builds outbox entries: validates the payload against the catalog schema (a payload that breaks it is refused here,
 * before anything is stored), wraps it in the CloudEvents envelope and serializes it as the Kafka record to publish.
 */
export class EventFactory {
  constructor(private readonly service: string) {}

  create<S extends z.ZodType>(def: EventDefinition<S>, data: z.infer<S>, options: EventOptions = {}): OutboxEntry {
    const ambient = RequestContext.current();
    const tenantId = options.context?.tenantId ?? ambient?.tenantId;
    if (!tenantId) throw new MissingEventContextError('a tenant');
    const correlationId = options.context?.correlationId ?? ambient?.correlationId ?? randomUUID();
    const causationId = options.context?.causationId ?? ambient?.causationId;
    const id = options.id ?? randomUUID();
    const { envelope, key } = createEnvelope(
      def,
      data,
      { tenantId, correlationId, causationId },
      { id, source: `/careloop/${this.service}`, time: options.time, subject: options.subject },
    );
    const record = toKafkaRecord(envelope, key);
    return {
      id,
      topic: def.topic,
      key: record.key,
      type: def.type,
      value: record.value,
      headers: record.headers,
      createdAt: new Date(envelope.time),
    };
  }
}
