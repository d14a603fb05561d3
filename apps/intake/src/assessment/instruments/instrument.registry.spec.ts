import { describe, expect, it } from '@jest/globals';
import { INSTRUMENTS } from '@careloop/contracts';
import { INSTRUMENT_REGISTRY, UnknownInstrumentError, findInstrument, getInstrument } from './instrument.registry';

describe('INSTRUMENT_REGISTRY', () => {
  it('defines every instrument of the contracts, under its own code', () => {
    expect(Object.keys(INSTRUMENT_REGISTRY).sort()).toEqual([...INSTRUMENTS].sort());
    for (const code of INSTRUMENTS) expect(getInstrument(code).code).toBe(code);
  });

  it('uses unique kebab-case item keys and well-formed LOINC codes', () => {
    const loinc = /^\d{1,7}-\d$/;
    const answerCode = /^LA\d{1,6}-\d$/;
    for (const definition of Object.values(INSTRUMENT_REGISTRY)) {
      const keys = definition.items.map((item) => item.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(definition.instrumentLoinc).toMatch(loinc);
      for (const item of definition.items) {
        expect(item.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(item.key.length).toBeLessThanOrEqual(64);
        expect(item.loinc).toMatch(loinc);
        expect(item.options.length).toBeGreaterThan(0);
        for (const option of item.options) {
          if (option.answerCode) expect(option.answerCode).toMatch(answerCode);
          if (typeof option.value === 'string') expect(option.value).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
      }
    }
  });

  it('is frozen reference data', () => {
    const phq9 = getInstrument('PHQ-9');
    expect(Object.isFrozen(INSTRUMENT_REGISTRY)).toBe(true);
    expect(Object.isFrozen(phq9.items[0].options[0])).toBe(true);
    expect(() => {
      (phq9.items as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('finds nothing for an unknown or inherited code', () => {
    expect(findInstrument('PHQ-10')).toBeUndefined();
    expect(findInstrument('toString')).toBeUndefined();
    expect(() => getInstrument('constructor' as never)).toThrow(UnknownInstrumentError);
  });
});
