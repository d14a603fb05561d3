import { describe, expect, it } from '@jest/globals';
import { AssessedNeed } from '@careloop/contracts';
import { HUNGER_VITAL_SIGN } from './hunger-vital-sign.instrument';
import { scoreAssessment } from './score-assessment';

const ANSWERS = ['often-true', 'sometimes-true', 'never-true', 'declined'] as const;
const AT_RISK = new Set(['often-true', 'sometimes-true']);

const combinations = ANSWERS.flatMap((worry) => ANSWERS.map((didNotLast) => [worry, didNotLast] as const));

describe('Hunger Vital Sign', () => {
  it('has the published panel, item and result codes', () => {
    expect(HUNGER_VITAL_SIGN.instrumentLoinc).toBe('88121-9');
    expect(HUNGER_VITAL_SIGN.resultLoinc).toBe('88124-3');
    expect(HUNGER_VITAL_SIGN.items.map((item) => [item.key, item.loinc])).toEqual([
      ['food-worry', '88122-7'],
      ['food-did-not-last', '88123-5'],
    ]);
  });

  it('covers all sixteen answer combinations', () => {
    expect(combinations).toHaveLength(16);
  });

  it.each(combinations)('food-worry %s, food-did-not-last %s', (worry, didNotLast) => {
    const result = scoreAssessment('HUNGER-VITAL-SIGN', [
      { itemKey: 'food-worry', value: worry },
      { itemKey: 'food-did-not-last', value: didNotLast },
    ]);
    const atRisk = AT_RISK.has(worry) || AT_RISK.has(didNotLast);
    const bothDeclined = worry === 'declined' && didNotLast === 'declined';

    expect(result.positive).toBe(atRisk);
    expect(result.urgent).toBe(false);
    if (bothDeclined) {
      // Nothing was answered, so there is no result at all (not "no risk").
      expect(result.totalObservation).toBeUndefined();
      expect(result.band).toBeUndefined();
    } else if (atRisk) {
      expect(result.totalObservation).toEqual({ loinc: '88124-3', value: 'at-risk', answerCode: 'LA19952-3' });
      expect(result.band).toBe('at-risk');
    } else {
      expect(result.totalObservation).toEqual({ loinc: '88124-3', value: 'no-risk', answerCode: 'LA19983-8' });
      expect(result.band).toBe('no-risk');
    }
    expect(result.needs).toEqual(
      atRisk
        ? [
            {
              domain: 'social',
              category: 'food-insecurity',
              severity: 'moderate',
              urgent: false,
              code: { system: 'http://snomed.info/sct', code: '733423003', display: 'Food insecurity' },
              callsForCommunityResource: true,
            },
          ]
        : [],
    );
    result.needs.forEach((need) => expect(() => AssessedNeed.omit({ needId: true }).parse(need)).not.toThrow());
  });

  it('records a declined item as asked-declined, with no answer code and no points', () => {
    const result = scoreAssessment('HUNGER-VITAL-SIGN', [
      { itemKey: 'food-worry', value: 'declined' },
      { itemKey: 'food-did-not-last', value: 'often-true' },
    ]);
    expect(result.observations).toEqual([
      { loinc: '88122-7', itemKey: 'food-worry', value: 'declined', dataAbsentReason: 'asked-declined', derivedFrom: { instrumentLoinc: '88121-9' } },
      { loinc: '88123-5', itemKey: 'food-did-not-last', value: 'often-true', answerCode: 'LA28397-0', derivedFrom: { instrumentLoinc: '88121-9' } },
    ]);
  });
});
