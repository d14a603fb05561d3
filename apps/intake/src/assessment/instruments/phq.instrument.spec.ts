import { describe, expect, it } from '@jest/globals';
import { AssessedNeed } from '@careloop/contracts';
import { answersForTotal, withAnswer } from './instrument.test-helpers';
import { PHQ2, PHQ9 } from './phq.instrument';
import { scoreAssessment } from './score-assessment';

const PHQ9_KEYS = PHQ9.items.filter((item) => item.required).map((item) => item.key);
const PHQ2_KEYS = PHQ2.items.map((item) => item.key);
const NeedDraft = AssessedNeed.omit({ needId: true });

describe('PHQ-2', () => {
  it('is the first two PHQ-9 items with the published LOINC codes', () => {
    expect(PHQ2.instrumentLoinc).toBe('55757-9');
    expect(PHQ2.totalLoinc).toBe('55758-7');
    expect(PHQ2.items.map((item) => [item.key, item.loinc])).toEqual([
      ['little-interest', '44250-9'],
      ['feeling-down', '44255-8'],
    ]);
  });

  it.each([0, 1, 2])('total %i is negative, with no need and no follow-up', (total) => {
    const result = scoreAssessment('PHQ-2', answersForTotal(PHQ2_KEYS, total));
    expect(result).toMatchObject({ total, positive: false, needs: [], urgent: false });
    expect(result.followUp).toBeUndefined();
    expect(result.totalObservation).toEqual({ loinc: '55758-7', value: total });
  });

  it.each([3, 4, 6])('total %i is positive: a mild provisional depression need and a PHQ-9 to follow', (total) => {
    const result = scoreAssessment('PHQ-2', answersForTotal(PHQ2_KEYS, total));
    expect(result).toMatchObject({ total, positive: true, followUp: 'PHQ-9', urgent: false });
    expect(result.needs).toEqual([
      expect.objectContaining({ domain: 'clinical', category: 'depression', severity: 'mild', urgent: false }),
    ]);
    expect(() => NeedDraft.parse(result.needs[0])).not.toThrow();
  });

  it('emits one observation per answer, with points and the LOINC answer code', () => {
    const result = scoreAssessment('PHQ-2', [
      { itemKey: 'little-interest', value: 2 },
      { itemKey: 'feeling-down', value: 0 },
    ]);
    expect(result.observations).toEqual([
      { loinc: '44250-9', itemKey: 'little-interest', value: 2, answerCode: 'LA6570-1', points: 2, derivedFrom: { instrumentLoinc: '55757-9' } },
      { loinc: '44255-8', itemKey: 'feeling-down', value: 0, answerCode: 'LA6568-5', points: 0, derivedFrom: { instrumentLoinc: '55757-9' } },
    ]);
  });
});

describe('PHQ-9', () => {
  it('has the published panel, total and item codes', () => {
    expect(PHQ9.instrumentLoinc).toBe('44249-1');
    expect(PHQ9.totalLoinc).toBe('44261-6');
    expect(PHQ9.items.map((item) => item.loinc)).toEqual([
      '44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8', '69722-7',
    ]);
    expect(PHQ9_KEYS).toHaveLength(9);
  });

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [24, 'severe'],
  ])('total %i is band %s', (total, band) => {
    const result = scoreAssessment('PHQ-9', answersForTotal(PHQ9_KEYS, total));
    expect(result.total).toBe(total);
    expect(result.band).toBe(band);
    expect(result.totalObservation).toEqual({ loinc: '44261-6', value: total });
    expect(result.urgent).toBe(false);
  });

  it.each([0, 4, 5, 9])('total %i is below the cut-off: negative, no need', (total) => {
    const result = scoreAssessment('PHQ-9', answersForTotal(PHQ9_KEYS, total));
    expect(result.positive).toBe(false);
    expect(result.needs).toEqual([]);
  });

  it.each([
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
  ])('total %i is positive: a depression need of severity %s, coded Depressive disorder', (total, severity) => {
    const result = scoreAssessment('PHQ-9', answersForTotal(PHQ9_KEYS, total));
    expect(result.positive).toBe(true);
    expect(result.needs).toEqual([
      {
        domain: 'clinical',
        category: 'depression',
        severity,
        urgent: false,
        code: { system: 'http://snomed.info/sct', code: '35489007', display: 'Depressive disorder' },
        callsForCommunityResource: false,
      },
    ]);
    expect(() => NeedDraft.parse(result.needs[0])).not.toThrow();
  });

  it('item 9 = 1 with a total of 1 is urgent: a severe self-harm-risk need though the screen is minimal', () => {
    const answers = withAnswer(answersForTotal(PHQ9_KEYS, 0), 'self-harm-thoughts', 1);
    const result = scoreAssessment('PHQ-9', answers);
    expect(result.total).toBe(1);
    expect(result.band).toBe('minimal');
    expect(result.urgent).toBe(true);
    expect(result.urgentReasons).toEqual(['phq9-item9-positive']);
    expect(result.positive).toBe(true);
    expect(result.needs).toEqual([
      {
        domain: 'clinical',
        category: 'self-harm-risk',
        severity: 'severe',
        urgent: true,
        urgentReason: 'phq9-item9-positive',
        code: { system: 'http://snomed.info/sct', code: '6471006', display: 'Suicidal ideation' },
        callsForCommunityResource: false,
      },
    ]);
    expect(() => NeedDraft.parse(result.needs[0])).not.toThrow();
  });

  it('item 9 = 0 never escalates, whatever the total', () => {
    const answers = withAnswer(answersForTotal(PHQ9_KEYS, 24), 'self-harm-thoughts', 0);
    const result = scoreAssessment('PHQ-9', answers);
    expect(result.total).toBe(24);
    expect(result.urgent).toBe(false);
    expect(result.needs.map((need) => need.category)).toEqual(['depression']);
  });

  it('total 27 (item 9 answered 3) is severe and urgent, with both needs', () => {
    const result = scoreAssessment('PHQ-9', answersForTotal(PHQ9_KEYS, 27));
    expect(result).toMatchObject({ total: 27, band: 'severe', positive: true, urgent: true });
    expect(result.needs.map((need) => [need.category, need.severity, need.urgent])).toEqual([
      ['depression', 'severe', false],
      ['self-harm-risk', 'severe', true],
    ]);
  });

  it('accepts the optional difficulty question without scoring it', () => {
    const answers = [...answersForTotal(PHQ9_KEYS, 12), { itemKey: 'difficulty', value: 'very-difficult' }];
    const result = scoreAssessment('PHQ-9', answers);
    expect(result.total).toBe(12);
    expect(result.observations).toHaveLength(10);
    expect(result.observations[9]).toEqual({
      loinc: '69722-7',
      itemKey: 'difficulty',
      value: 'very-difficult',
      answerCode: 'LA6575-0',
      derivedFrom: { instrumentLoinc: '44249-1' },
    });
  });

  it('carries the assessment id into each observation when given', () => {
    const result = scoreAssessment('PHQ-9', answersForTotal(PHQ9_KEYS, 3), { assessmentId: 'asm-1' });
    expect(result.observations.every((o) => o.derivedFrom.assessmentId === 'asm-1')).toBe(true);
  });
});
