import { derivedId, derivedIdSequence } from './derived-id';

describe('derivedId', () => {
  it('is stable for the same parts and differs for different ones', () => {
    expect(derivedId('event-1', 'case', 'care-manager')).toBe(derivedId('event-1', 'case', 'care-manager'));
    expect(derivedId('event-1', 'case', 'care-manager')).not.toBe(derivedId('event-1', 'case', 'case-manager'));
    // Parts are separated, so their boundaries matter.
    expect(derivedId('ab', 'c')).not.toBe(derivedId('a', 'bc'));
  });

  it('looks like a version-5 UUID', () => {
    expect(derivedId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sequences repeat for the same seed', () => {
    const a = derivedIdSequence('event-1');
    const b = derivedIdSequence('event-1');
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });
});
