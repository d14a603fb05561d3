import { describe, expect, it } from '@jest/globals';
import { AssessedNeed } from '@careloop/contracts';
import { GAD2, GAD7 } from './gad.instrument';
import { answersForTotal } from './instrument.test-helpers';
import { scoreAssessment } from './score-assessment';

const GAD7_KEYS = GAD7.items.map((item) => item.key);
const GAD2_KEYS = GAD2.items.map((item) => item.key);
const NeedDraft = AssessedNeed.omit({ needId: true });

describe('GAD-2', () => {
  it('is the first two GAD-7 items; its only LOINC code is declared unverified', () => {
    expect(GAD2.items.map((item) => [item.key, item.loinc])).toEqual([
      ['nervous-anxious', '69725-0'],
      ['cannot-stop-worrying', '68509-9'],
    ]);
    expect(GAD2.panelLoinc).toBeUndefined();
    expect(GAD2.unverifiedCodes).toEqual([GAD2.instrumentLoinc]);
  });

  it.each([0, 1, 2])('total %i is negative', (total) => {
    const result = scoreAssessment('GAD-2', answersForTotal(GAD2_KEYS, total));
    expect(result).toMatchObject({ total, positive: false, needs: [], urgent: false });
    expect(result.followUp).toBeUndefined();
  });

  it.each([3, 4, 6])('total %i is positive: a mild anxiety need and a GAD-7 to follow', (total) => {
    const result = scoreAssessment('GAD-2', answersForTotal(GAD2_KEYS, total));
    expect(result).toMatchObject({ total, positive: true, followUp: 'GAD-7' });
    expect(result.needs).toEqual([expect.objectContaining({ category: 'anxiety', severity: 'mild', domain: 'clinical' })]);
    expect(() => NeedDraft.parse(result.needs[0])).not.toThrow();
  });
});

describe('GAD-7', () => {
  it('has the published panel, total and item codes', () => {
    expect(GAD7.instrumentLoinc).toBe('69737-5');
    expect(GAD7.totalLoinc).toBe('70274-6');
    expect(GAD7.items.map((item) => item.loinc)).toEqual([
      '69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7',
    ]);
  });

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('total %i is band %s', (total, band) => {
    const result = scoreAssessment('GAD-7', answersForTotal(GAD7_KEYS, total));
    expect(result.total).toBe(total);
    expect(result.band).toBe(band);
    expect(result.totalObservation).toEqual({ loinc: '70274-6', value: total });
  });

  it.each([0, 5, 9])('total %i is below the cut-off: negative, no need', (total) => {
    const result = scoreAssessment('GAD-7', answersForTotal(GAD7_KEYS, total));
    expect(result.positive).toBe(false);
    expect(result.needs).toEqual([]);
  });

  it.each([
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('total %i is positive: an anxiety need of severity %s, coded Anxiety disorder', (total, severity) => {
    const result = scoreAssessment('GAD-7', answersForTotal(GAD7_KEYS, total));
    expect(result.positive).toBe(true);
    expect(result.urgent).toBe(false);
    expect(result.needs).toEqual([
      {
        domain: 'clinical',
        category: 'anxiety',
        severity,
        urgent: false,
        code: { system: 'http://snomed.info/sct', code: '197480006', display: 'Anxiety disorder' },
        callsForCommunityResource: false,
      },
    ]);
    expect(() => NeedDraft.parse(result.needs[0])).not.toThrow();
  });

  it('codes item 2 from its own LOINC answer list', () => {
    const answers = answersForTotal(GAD7_KEYS, 0).map((a) => (a.itemKey === 'cannot-stop-worrying' ? { ...a, value: 2 } : a));
    const result = scoreAssessment('GAD-7', answers);
    expect(result.observations[1]).toMatchObject({ itemKey: 'cannot-stop-worrying', points: 2, answerCode: 'LA18938-3' });
  });
});
