import {
  FOOD_ANSWERS,
  FOOD_OFTEN_TRUE,
  FOOD_SOMETIMES_TRUE,
  HVS_AT_RISK,
  HVS_NO_RISK,
  NEED_CODES,
} from './clinical-codes';
import type { AnswerSet, AssessedNeedDraft, DerivedObservation, InstrumentDefinition } from './instrument.types';
import { answerTo, isAnswered } from './scoring-helpers';

export const FOOD_ITEMS = [
  { key: 'food-worry', loinc: '88122-7' },
  { key: 'food-did-not-last', loinc: '88123-5' },
] as const;
const FOOD_KEYS = FOOD_ITEMS.map((item) => item.key);

export const HVS_RESULT_LOINC = '88124-3';

export interface FoodScreen {
  /** At least one food item was answered rather than declined: only then is there a result at all. */
  answered: boolean;
  atRisk: boolean;
}

/**
 * Hunger Vital Sign rule (Hager et al. 2010), shared with the AHC HRSN food items: "often true" or
 * "sometimes true" to either statement means at risk. As in the published SDC form, a result is given
 * when either item was answered; when both were declined there is no result, not a "no risk".
 */
export function screenFood(answers: AnswerSet): FoodScreen {
  const answered = FOOD_KEYS.some((key) => isAnswered(answers, key));
  const atRisk = FOOD_KEYS.some((key) => {
    const value = answerTo(answers, key)?.value;
    return value === FOOD_OFTEN_TRUE || value === FOOD_SOMETIMES_TRUE;
  });
  return { answered, atRisk };
}

export const FOOD_INSECURITY_NEED: AssessedNeedDraft = {
  domain: 'social',
  category: 'food-insecurity',
  severity: 'moderate',
  urgent: false,
  code: NEED_CODES.foodInsecurity,
  callsForCommunityResource: true,
};

export const HUNGER_VITAL_SIGN: InstrumentDefinition = {
  code: 'HUNGER-VITAL-SIGN',
  instrumentLoinc: '88121-9',
  panelLoinc: '88121-9',
  resultLoinc: HVS_RESULT_LOINC,
  items: FOOD_ITEMS.map(({ key, loinc }) => ({ key, loinc, required: true, repeats: false, options: FOOD_ANSWERS })),
  unverifiedCodes: [],
  score(answers) {
    const { answered, atRisk } = screenFood(answers);
    const result = atRisk ? HVS_AT_RISK : HVS_NO_RISK;
    const totalObservation: DerivedObservation | undefined = answered
      ? { loinc: HVS_RESULT_LOINC, value: result.value, answerCode: result.answerCode }
      : undefined;
    return {
      band: answered ? result.value : undefined,
      positive: atRisk,
      totalObservation,
      needs: atRisk ? [{ ...FOOD_INSECURITY_NEED }] : [],
      urgentReasons: [],
    };
  },
};
