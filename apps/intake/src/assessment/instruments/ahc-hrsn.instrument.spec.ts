import { describe, expect, it } from '@jest/globals';
import { AssessedNeed } from '@careloop/contracts';
import { AHC_HRSN } from './ahc-hrsn.instrument';
import type { SubmittedAnswer } from './instrument.types';
import { scoreAssessment } from './score-assessment';
import { validateAnswers } from './validate-answers';

const NeedDraft = AssessedNeed.omit({ needId: true });

/** A complete AHC core submission with no need anywhere; tests override single items. */
function noNeeds(overrides: Record<string, number | string | (number | string)[]> = {}): SubmittedAnswer[] {
  const base: Record<string, number | string | (number | string)[]> = {
    'living-situation': 'steady',
    'housing-problems': 'none',
    'food-worry': 'never-true',
    'food-did-not-last': 'never-true',
    transportation: 'no',
    utilities: 'no',
    'physically-hurt': 1,
    'insult-talk-down': 1,
    'threaten-harm': 1,
    'scream-curse': 1,
    ...overrides,
  };
  return Object.entries(base).flatMap(([itemKey, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => ({ itemKey, value: v })),
  );
}

const safety = (hurt: number | string, insult: number | string, threaten: number | string, scream: number | string) => ({
  'physically-hurt': hurt,
  'insult-talk-down': insult,
  'threaten-harm': threaten,
  'scream-curse': scream,
});

describe('AHC HRSN core', () => {
  it('has the ten core items with their published LOINC codes', () => {
    expect(AHC_HRSN.instrumentLoinc).toBe('96777-8');
    expect(AHC_HRSN.items.map((item) => [item.key, item.loinc])).toEqual([
      ['living-situation', '71802-3'],
      ['housing-problems', '96778-6'],
      ['food-worry', '88122-7'],
      ['food-did-not-last', '88123-5'],
      ['transportation', '93030-5'],
      ['utilities', '96779-4'],
      ['physically-hurt', '95618-5'],
      ['insult-talk-down', '95617-7'],
      ['threaten-harm', '95616-9'],
      ['scream-curse', '95615-1'],
    ]);
  });

  it('finds nothing in a screen without needs, and reports the safety total', () => {
    const result = scoreAssessment('AHC-HRSN', noNeeds());
    expect(result).toMatchObject({ positive: false, needs: [], urgent: false, urgentReasons: [] });
    expect(result.totalObservation).toEqual({ loinc: '95614-4', value: 4 });
    expect(result.total).toBeUndefined();
    expect(Object.values(result.domains ?? {}).map((d) => d.positive)).toEqual([false, false, false, false, false]);
  });

  describe('housing', () => {
    it.each([
      ['worried-about-losing', 'moderate', '1156191002'],
      ['no-steady-place', 'severe', '32911000'],
    ])('living situation %s is housing instability (%s, SNOMED %s)', (answer, severity, code) => {
      const result = scoreAssessment('AHC-HRSN', noNeeds({ 'living-situation': answer }));
      expect(result.positive).toBe(true);
      expect(result.domains?.housing.positive).toBe(true);
      expect(result.needs).toEqual([
        expect.objectContaining({ domain: 'social', category: 'housing-instability', severity, callsForCommunityResource: true }),
      ]);
      expect(result.needs[0].code.code).toBe(code);
    });

    it.each(['pests', 'mold', 'lead', 'heat', 'oven', 'smoke-detectors', 'water-leaks'])(
      'a problem with %s is a housing-quality need',
      (problem) => {
        const result = scoreAssessment('AHC-HRSN', noNeeds({ 'housing-problems': problem }));
        expect(result.needs.map((n) => [n.category, n.code.code])).toEqual([['housing-quality', '105531004']]);
      },
    );

    it('several problems are one housing-quality need, and one observation each', () => {
      const result = scoreAssessment('AHC-HRSN', noNeeds({ 'housing-problems': ['mold', 'heat', 'water-leaks'] }));
      expect(result.needs.map((n) => n.category)).toEqual(['housing-quality']);
      expect(result.observations.filter((o) => o.itemKey === 'housing-problems').map((o) => o.answerCode)).toEqual([
        'LA28580-1',
        'LA31998-0',
        'LA32001-2',
      ]);
    });
  });

  describe('food', () => {
    it.each([
      ['often-true', 'never-true', true],
      ['never-true', 'sometimes-true', true],
      ['never-true', 'never-true', false],
      ['declined', 'declined', false],
    ])('food-worry %s, food-did-not-last %s -> positive %s', (worry, didNotLast, positive) => {
      const result = scoreAssessment('AHC-HRSN', noNeeds({ 'food-worry': worry, 'food-did-not-last': didNotLast }));
      expect(result.domains?.food.positive).toBe(positive);
      expect(result.needs.map((n) => n.category)).toEqual(positive ? ['food-insecurity'] : []);
    });
  });

  describe('transportation and utilities', () => {
    it('transportation yes is a transportation need', () => {
      const result = scoreAssessment('AHC-HRSN', noNeeds({ transportation: 'yes' }));
      expect(result.needs).toEqual([
        expect.objectContaining({ category: 'transportation', severity: 'moderate', callsForCommunityResource: true }),
      ]);
    });

    it.each([
      ['yes', 'moderate'],
      ['already-shut-off', 'severe'],
    ])('utilities %s is a utilities need (%s)', (answer, severity) => {
      const result = scoreAssessment('AHC-HRSN', noNeeds({ utilities: answer }));
      expect(result.needs).toEqual([expect.objectContaining({ category: 'utilities', severity })]);
    });

    it('utilities no is nothing', () => {
      expect(scoreAssessment('AHC-HRSN', noNeeds({ utilities: 'no' })).needs).toEqual([]);
    });
  });

  describe('interpersonal safety', () => {
    it('total 10 without a report of violence is negative', () => {
      const result = scoreAssessment('AHC-HRSN', noNeeds(safety(1, 5, 1, 3)));
      expect(result.domains?.safety).toEqual({ positive: false, answered: true, total: 10 });
      expect(result.totalObservation).toEqual({ loinc: '95614-4', value: 10 });
      expect(result.needs).toEqual([]);
      expect(result.urgent).toBe(false);
    });

    it('total 11 without a report of violence is a positive, non-urgent safety need', () => {
      const result = scoreAssessment('AHC-HRSN', noNeeds(safety(1, 5, 1, 4)));
      expect(result.domains?.safety).toEqual({ positive: true, answered: true, total: 11 });
      expect(result.urgent).toBe(false);
      expect(result.needs).toEqual([
        {
          domain: 'social',
          category: 'interpersonal-safety',
          severity: 'moderate',
          urgent: false,
          code: {
            system: 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes',
            code: 'intimate-partner-violence',
            display: 'Intimate Partner Violence',
          },
          callsForCommunityResource: true,
        },
      ]);
    });

    it.each([
      ['physically hurt', safety(2, 1, 1, 1)],
      ['threatened with harm', safety(1, 1, 2, 1)],
    ])('being %s "rarely" (total 5) is urgent whatever the total', (_what, answers) => {
      const result = scoreAssessment('AHC-HRSN', noNeeds(answers));
      expect(result.domains?.safety.total).toBe(5);
      expect(result.urgent).toBe(true);
      expect(result.positive).toBe(true);
      expect(result.urgentReasons).toEqual(['hrsn-violence-reported']);
      expect(result.needs).toEqual([
        expect.objectContaining({
          category: 'interpersonal-safety',
          severity: 'severe',
          urgent: true,
          urgentReason: 'hrsn-violence-reported',
          callsForCommunityResource: true,
        }),
      ]);
      expect(() => NeedDraft.parse(result.needs[0])).not.toThrow();
    });

    it('insults and screaming alone, however often, escalate only through the total', () => {
      const result = scoreAssessment('AHC-HRSN', noNeeds(safety(1, 5, 1, 5)));
      expect(result.urgent).toBe(false);
      expect(result.needs.map((n) => [n.category, n.urgent])).toEqual([['interpersonal-safety', false]]);
    });

    it('violence and a high total are one urgent need, not two', () => {
      const result = scoreAssessment('AHC-HRSN', noNeeds(safety(5, 5, 5, 5)));
      expect(result.domains?.safety.total).toBe(20);
      expect(result.needs.filter((n) => n.category === 'interpersonal-safety')).toHaveLength(1);
      expect(result.needs[0]).toMatchObject({ urgent: true, severity: 'severe' });
    });

    it('declined safety items score nothing; the HITS total is only reported when all four were answered', () => {
      const result = scoreAssessment('AHC-HRSN', noNeeds(safety('declined', 5, 'declined', 5)));
      expect(result.domains?.safety).toEqual({ positive: false, answered: true, total: 10 });
      expect(result.totalObservation).toBeUndefined();
      expect(result.observations.find((o) => o.itemKey === 'physically-hurt')).toMatchObject({
        value: 'declined',
        dataAbsentReason: 'asked-declined',
      });
      expect(result.observations.find((o) => o.itemKey === 'physically-hurt')?.points).toBeUndefined();
    });

    it('a partial safety total of 11 or more is still positive', () => {
      const result = scoreAssessment('AHC-HRSN', noNeeds(safety(1, 5, 'declined', 5)));
      expect(result.domains?.safety).toEqual({ positive: true, answered: true, total: 11 });
    });
  });

  it('a fully declined screen is valid, finds nothing and claims no result', () => {
    const allDeclined = Object.fromEntries(AHC_HRSN.items.map((item) => [item.key, 'declined']));
    const answers = noNeeds(allDeclined);
    expect(validateAnswers('AHC-HRSN', answers)).toEqual([]);
    const result = scoreAssessment('AHC-HRSN', answers);
    expect(result.positive).toBe(false);
    expect(result.needs).toEqual([]);
    expect(result.totalObservation).toBeUndefined();
    expect(Object.values(result.domains ?? {}).every((d) => !d.answered)).toBe(true);
  });

  it('raises one need per positive domain, each a social need for a community resource', () => {
    const result = scoreAssessment(
      'AHC-HRSN',
      noNeeds({
        'living-situation': 'no-steady-place',
        'housing-problems': ['pests', 'lead'],
        'food-worry': 'sometimes-true',
        transportation: 'yes',
        utilities: 'already-shut-off',
        ...safety(1, 4, 3, 4),
      }),
    );
    expect(result.needs.map((n) => n.category)).toEqual([
      'housing-instability',
      'housing-quality',
      'food-insecurity',
      'transportation',
      'utilities',
      'interpersonal-safety',
    ]);
    expect(result.needs.every((n) => n.domain === 'social' && n.callsForCommunityResource)).toBe(true);
    result.needs.forEach((need) => expect(() => NeedDraft.parse(need)).not.toThrow());
    expect(result.urgentReasons).toEqual(['hrsn-violence-reported']);
  });
});
