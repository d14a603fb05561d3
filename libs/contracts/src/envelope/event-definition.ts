import { z } from 'zod';

export const SERVICES = ['intake', 'care-planning', 'resource-directory', 'notification'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * One event of the catalog. The zod schema is the single source of the payload's TypeScript type, of its runtime
 * validation (when produced and when consumed) and of the JSON Schema published in the AsyncAPI document.
 */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  /** Past-tense fact, PascalCase: `NeedAssessed`. */
  readonly name: string;
  readonly version: number;
  readonly owner: ServiceName;
  readonly topic: string;
  /** CloudEvents `type`: `careloop.<owner>.<name>.v<version>`. */
  readonly type: string;
  /** CloudEvents `dataschema`. */
  readonly dataschema: string;
  readonly description: string;
  readonly schema: S;
  /** The Kafka key: the aggregate id, so one aggregate's events stay in order. */
  readonly keyOf: (data: z.infer<S>) => string;
  /** The aggregate the key identifies, for documentation. */
  readonly keyDescription: string;
  /** True when the payload carries personal data: internal topics only, never sent to partners as is. */
  readonly containsPersonalData: boolean;
}

export type EventPayload<D> = D extends EventDefinition<infer S> ? z.infer<S> : never;

export function defineEvent<S extends z.ZodType>(def: {
  name: string;
  version: number;
  owner: ServiceName;
  topic: string;
  description: string;
  schema: S;
  keyOf: (data: z.infer<S>) => string;
  keyDescription: string;
  containsPersonalData?: boolean;
}): EventDefinition<S> {
  const expectedSuffix = `.v${def.version}`;
  if (!def.topic.startsWith(`${def.owner}.`) || !def.topic.endsWith(expectedSuffix)) {
    // Topic names carry owner and version; a mismatch is a catalog bug, caught at import time.
    throw new Error(`Event ${def.name}: topic ${def.topic} must be ${def.owner}.<event>${expectedSuffix}`);
  }
  return {
    ...def,
    type: `careloop.${def.owner}.${def.name}.v${def.version}`,
    dataschema: `urn:careloop:event:${def.topic}`,
    containsPersonalData: def.containsPersonalData ?? false,
  };
}
