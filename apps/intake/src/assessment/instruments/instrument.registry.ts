import { INSTRUMENTS, type InstrumentCode } from '@careloop/contracts';
import { AHC_HRSN } from './ahc-hrsn.instrument';
import { GAD2, GAD7 } from './gad.instrument';
import { HUNGER_VITAL_SIGN } from './hunger-vital-sign.instrument';
import type { InstrumentDefinition } from './instrument.types';
import { PHQ2, PHQ9 } from './phq.instrument';

function deepFreeze<T>(value: T): T {
  if (value !== null && (typeof value === 'object' || typeof value === 'function') && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value as object)) {
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    }
  }
  return value;
}

/** Every instrument the intake service scores, frozen: a definition is reference data, never changed at run time. */
export const INSTRUMENT_REGISTRY: Readonly<Record<InstrumentCode, InstrumentDefinition>> = deepFreeze({
  'PHQ-2': PHQ2,
  'PHQ-9': PHQ9,
  'GAD-2': GAD2,
  'GAD-7': GAD7,
  'HUNGER-VITAL-SIGN': HUNGER_VITAL_SIGN,
  'AHC-HRSN': AHC_HRSN,
});

export class UnknownInstrumentError extends Error {
  constructor() {
    super(`unknown instrument; expected one of ${INSTRUMENTS.join(', ')}`);
    this.name = 'UnknownInstrumentError';
  }
}

/** The definition for a code that arrived from outside (a request, a message), or undefined. */
export function findInstrument(code: string): InstrumentDefinition | undefined {
  return Object.hasOwn(INSTRUMENT_REGISTRY, code) ? INSTRUMENT_REGISTRY[code as InstrumentCode] : undefined;
}

export function getInstrument(code: InstrumentCode): InstrumentDefinition {
  const definition = findInstrument(code);
  if (!definition) throw new UnknownInstrumentError();
  return definition;
}
