import { describe, expect, it } from '@jest/globals';
import type { InstrumentCode } from '@careloop/contracts';
import { answersForTotal } from './instrument.test-helpers';
import { INSTRUMENT_REGISTRY } from './instrument.registry';
import type { SubmittedAnswer } from './instrument.types';
import { validateAnswers } from './validate-answers';

const PHQ9_KEYS = INSTRUMENT_REGISTRY['PHQ-9'].items.filter((i) => i.required).map((i) => i.key);
const validPhq9 = (): SubmittedAnswer[] => answersForTotal(PHQ9_KEYS, 6);

/** A valid submission for any instrument: the first allowed value of every required item. */
function firstOptions(code: InstrumentCode): SubmittedAnswer[] {
  return INSTRUMENT_REGISTRY[code].items
    .filter((item) => item.required)
    .map((item) => ({ itemKey: item.key, value: item.options[0].value }));
}

describe('validateAnswers', () => {
  it.each(Object.keys(INSTRUMENT_REGISTRY) as InstrumentCode[])('accepts a complete %s submission', (code) => {
    expect(validateAnswers(code, firstOptions(code))).toEqual([]);
  });

  it('names an unknown item by its field path', () => {
    const answers = [...validPhq9(), { itemKey: 'favourite-colour', value: 1 }];
    expect(validateAnswers('PHQ-9', answers)).toEqual([{ field: 'answers[9].itemKey', message: 'is not an item of PHQ-9' }]);
  });

  it('refuses an item of another instrument', () => {
    const answers = [...firstOptions('GAD-2'), { itemKey: 'little-interest', value: 0 }];
    expect(validateAnswers('GAD-2', answers)).toEqual([{ field: 'answers[2].itemKey', message: 'is not an item of GAD-2' }]);
  });

  it('names each missing required item', () => {
    const answers = validPhq9().filter((a) => a.itemKey !== 'self-harm-thoughts' && a.itemKey !== 'appetite');
    expect(validateAnswers('PHQ-9', answers)).toEqual([
      { field: 'answers', message: "missing required item 'appetite'" },
      { field: 'answers', message: "missing required item 'self-harm-thoughts'" },
    ]);
  });

  it('does not require the optional PHQ-9 difficulty question', () => {
    expect(validateAnswers('PHQ-9', validPhq9())).toEqual([]);
  });

  it('tells where declining is possible when an item is missing', () => {
    const answers = firstOptions('AHC-HRSN').filter((a) => a.itemKey !== 'transportation');
    expect(validateAnswers('AHC-HRSN', answers)).toEqual([
      { field: 'answers', message: "missing required item 'transportation' (answer it, or record 'declined')" },
    ]);
  });

  it.each([
    ['above the range', 4],
    ['below the range', -1],
    ['a fraction', 1.5],
    ['a number sent as a string', '2'],
    ['declined, which the PHQ-9 does not allow', 'declined'],
  ])('refuses a PHQ-9 value %s, without repeating it', (_what, value) => {
    const answers = validPhq9().map((a, i) => (i === 3 ? { ...a, value } : a));
    const problems = validateAnswers('PHQ-9', answers);
    expect(problems).toEqual([{ field: 'answers[3].value', message: 'must be one of: 0, 1, 2, 3' }]);
  });

  it('refuses an AHC safety value of 0 and a code from another item', () => {
    const answers = firstOptions('AHC-HRSN').map((a) => {
      if (a.itemKey === 'physically-hurt') return { ...a, value: 0 };
      if (a.itemKey === 'transportation') return { ...a, value: 'already-shut-off' };
      return a;
    });
    expect(validateAnswers('AHC-HRSN', answers)).toEqual([
      { field: 'answers[4].value', message: "must be one of: 'yes', 'no', 'declined'" },
      { field: 'answers[6].value', message: "must be one of: 1, 2, 3, 4, 5, 'declined'" },
    ]);
  });

  it('refuses a duplicate item, naming the second occurrence', () => {
    const answers = [...validPhq9(), { itemKey: 'feeling-down', value: 0 }];
    expect(validateAnswers('PHQ-9', answers)).toEqual([
      { field: 'answers[9].itemKey', message: "item 'feeling-down' is answered more than once" },
    ]);
  });

  it('lets a multi-answer item repeat, but not the same answer twice', () => {
    const base = firstOptions('AHC-HRSN').filter((a) => a.itemKey !== 'housing-problems');
    const ok = [...base, { itemKey: 'housing-problems', value: 'mold' }, { itemKey: 'housing-problems', value: 'heat' }];
    expect(validateAnswers('AHC-HRSN', ok)).toEqual([]);
    const twice = [...base, { itemKey: 'housing-problems', value: 'mold' }, { itemKey: 'housing-problems', value: 'mold' }];
    expect(validateAnswers('AHC-HRSN', twice)).toEqual([
      { field: `answers[${base.length + 1}].value`, message: "repeats an answer already given to 'housing-problems'" },
    ]);
  });

  it.each(['none', 'declined'])('refuses %s combined with a reported housing problem', (exclusive) => {
    const base = firstOptions('AHC-HRSN').filter((a) => a.itemKey !== 'housing-problems');
    const answers = [...base, { itemKey: 'housing-problems', value: 'pests' }, { itemKey: 'housing-problems', value: exclusive }];
    expect(validateAnswers('AHC-HRSN', answers)).toEqual([
      { field: `answers[${base.length + 1}].value`, message: "cannot be combined with other answers to 'housing-problems'" },
    ]);
  });

  it('reports every problem of a bad submission at once', () => {
    const answers: SubmittedAnswer[] = [
      { itemKey: 'nervous-anxious', value: 7 },
      { itemKey: 'nervous-anxious', value: 1 },
      { itemKey: 'unknown', value: 1 },
    ];
    expect(validateAnswers('GAD-2', answers)).toEqual([
      { field: 'answers[0].value', message: 'must be one of: 0, 1, 2, 3' },
      { field: 'answers[2].itemKey', message: 'is not an item of GAD-2' },
      { field: 'answers', message: "missing required item 'cannot-stop-worrying'" },
    ]);
  });

  it('never repeats a submitted value or key in a message', () => {
    const secret = 'my-neighbour-hits-me';
    const answers = [...validPhq9().map((a, i) => (i === 0 ? { ...a, value: secret } : a)), { itemKey: secret, value: secret }];
    const problems = validateAnswers('PHQ-9', answers);
    expect(problems).toHaveLength(2);
    expect(JSON.stringify(problems)).not.toContain(secret);
  });

  it('refuses malformed entries and an unknown instrument', () => {
    const malformed = [null, { value: 1 }, 'x'] as unknown as SubmittedAnswer[];
    expect(validateAnswers('GAD-2', malformed)).toEqual([
      { field: 'answers[0]', message: 'must be an object with itemKey and value' },
      { field: 'answers[1].itemKey', message: 'must be a string' },
      { field: 'answers[2]', message: 'must be an object with itemKey and value' },
      { field: 'answers', message: "missing required item 'nervous-anxious'" },
      { field: 'answers', message: "missing required item 'cannot-stop-worrying'" },
    ]);
    expect(validateAnswers('PHQ-10' as InstrumentCode, [])).toEqual([
      { field: 'instrument', message: 'must be one of: PHQ-2, PHQ-9, GAD-2, GAD-7, HUNGER-VITAL-SIGN, AHC-HRSN' },
    ]);
  });

  it('refuses more than 20 answers before looking at them', () => {
    const answers = Array.from({ length: 21 }, () => ({ itemKey: 'little-interest', value: 0 }));
    expect(validateAnswers('PHQ-9', answers)).toEqual([{ field: 'answers', message: 'must contain at most 20 answers' }]);
  });
});
