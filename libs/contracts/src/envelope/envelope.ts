import { CloudEvent, Kafka, KafkaMessage, ValidationError } from 'cloudevents';
import { z } from 'zod';
import { EventDefinition } from './event-definition';

/**
 * The one envelope of every event: CloudEvents 1.0 attributes plus our extensions (tenant, correlation and causation ids).
 * On Kafka it travels in binary content mode: `ce_*` headers, the payload as the JSON value, the aggregate id as the key.
 */
export interface EventEnvelope<T = unknown> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject?: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema: string;
  readonly tenantid: string;
  readonly correlationid: string;
  readonly causationid?: string;
  readonly data: T;
}

export interface EventContext {
  readonly tenantId: string;
  readonly correlationId: string;
  /** The id of the event (or command) that caused this one. */
  readonly causationId?: string;
}

export interface KafkaRecord {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/** A payload or envelope that breaks its schema. Issues carry paths and rules, never the offending values. */
export class EventContractError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(`${message}: ${issues.join('; ')}`);
    this.name = 'EventContractError';
  }
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}

const EnvelopeAttributes = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(128),
  source: z.string().min(1).max(256),
  type: z.string().min(1).max(256),
  subject: z.string().max(256).optional(),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  dataschema: z.string().min(1),
  tenantid: z.string().min(1).max(64),
  correlationid: z.string().min(1).max(128),
  causationid: z.string().max(128).optional(),
});

/** Validates the payload against its event's schema; throws EventContractError (the producer refuses it). */
export function validatePayload<S extends z.ZodType>(def: EventDefinition<S>, data: unknown): z.infer<S> {
  const parsed = def.schema.safeParse(data);
  if (!parsed.success) {
    throw new EventContractError(`${def.name} payload breaks its schema`, describeIssues(parsed.error));
  }
  return parsed.data;
}

export function createEnvelope<S extends z.ZodType>(
  def: EventDefinition<S>,
  data: z.infer<S>,
  ctx: EventContext,
  options: { id: string; source: string; time?: Date; subject?: string },
): { envelope: EventEnvelope<z.infer<S>>; key: string } {
  const payload = validatePayload(def, data);
  const key = def.keyOf(payload);
  const envelope: EventEnvelope<z.infer<S>> = {
    specversion: '1.0',
    id: options.id,
    source: options.source,
    type: def.type,
    subject: options.subject ?? key,
    time: (options.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    dataschema: def.dataschema,
    tenantid: ctx.tenantId,
    correlationid: ctx.correlationId,
    ...(ctx.causationId ? { causationid: ctx.causationId } : {}),
    data: payload,
  };
  assertEnvelopeAttributes(envelope);
  return { envelope, key };
}

function assertEnvelopeAttributes(envelope: object): void {
  const parsed = EnvelopeAttributes.safeParse(envelope);
  if (!parsed.success) {
    throw new EventContractError('Event envelope is invalid', describeIssues(parsed.error));
  }
}

/** Serializes an envelope for Kafka with the CloudEvents SDK's Kafka binding (binary mode). */
export function toKafkaRecord(envelope: EventEnvelope, key: string): KafkaRecord {
  const event = new CloudEvent<unknown>({ ...envelope, partitionkey: key });
  const message = Kafka.binary(event);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  return { key, value: JSON.stringify(envelope.data), headers };
}

/**
 * Reads an envelope back from a Kafka record (headers as strings, value as a JSON string, a Buffer or already parsed).
 * Validates the attributes; the payload is validated separately against the catalog (see `decodeEvent`).
 */
export function fromKafkaRecord(record: {
  key?: string | Buffer | null;
  value: unknown;
  headers: Record<string, string | Buffer | undefined>;
}): EventEnvelope<unknown> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    if (value !== undefined) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  let event: CloudEvent<unknown>;
  try {
    const message: KafkaMessage<unknown> = { key: record.key ?? '', value: record.value, headers, body: record.value };
    event = Kafka.toEvent(message) as CloudEvent<unknown>;
  } catch (err) {
    const reason = err instanceof ValidationError || err instanceof SyntaxError ? err.message : 'unreadable message';
    throw new EventContractError('Not a CloudEvent', [reason]);
  }
  const attributes = { ...event.toJSON() } as Record<string, unknown>;
  delete attributes['partitionkey'];
  assertEnvelopeAttributes(attributes);
  return attributes as unknown as EventEnvelope<unknown>;
}

/** Validates an envelope's payload against the event it claims to be. */
export function decodeEvent<S extends z.ZodType>(def: EventDefinition<S>, envelope: EventEnvelope<unknown>): EventEnvelope<z.infer<S>> {
  if (envelope.type !== def.type) {
    throw new EventContractError('Unexpected event type', [`expected ${def.type}, got ${envelope.type}`]);
  }
  return { ...envelope, data: validatePayload(def, envelope.data) };
}
