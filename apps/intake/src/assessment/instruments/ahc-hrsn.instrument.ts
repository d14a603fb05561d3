import { DECLINED, FOOD_ANSWERS, NEED_CODES } from './clinical-codes';
import { FOOD_INSECURITY_NEED, FOOD_ITEMS, screenFood } from './hunger-vital-sign.instrument';
import type {
  AnswerOption,
  AnswerSet,
  AssessedNeedDraft,
  DomainResult,
  InstrumentDefinition,
  ItemDefinition,
} from './instrument.types';
import { answerTo, isAnswered, pointsOf } from './scoring-helpers';

export const AHC_ITEM = {
  livingSituation: 'living-situation',
  housingProblems: 'housing-problems',
  transportation: 'transportation',
  utilities: 'utilities',
  physicallyHurt: 'physically-hurt',
  insultTalkDown: 'insult-talk-down',
  threatenHarm: 'threaten-harm',
  screamCurse: 'scream-curse',
} as const;

export const AHC_SAFETY_KEYS = [
  AHC_ITEM.physicallyHurt,
  AHC_ITEM.insultTalkDown,
  AHC_ITEM.threatenHarm,
  AHC_ITEM.screamCurse,
] as const;

/** Items whose any answer above "never" is a report of violence or threat, escalated whatever the total. */
export const AHC_VIOLENCE_KEYS = [AHC_ITEM.physicallyHurt, AHC_ITEM.threatenHarm] as const;

export const AHC_SAFETY_POSITIVE_FROM = 11;
export const AHC_SAFETY_TOTAL_LOINC = '95614-4';
export const AHC_VIOLENCE_REASON = 'hrsn-violence-reported';

export const HOUSING_PROBLEMS = ['pests', 'mold', 'lead', 'heat', 'oven', 'smoke-detectors', 'water-leaks'] as const;

const YES = { value: 'yes', answerCode: 'LA33-6' } as const;
const NO = { value: 'no', answerCode: 'LA32-8' } as const;

/** Never (1), rarely (2), sometimes (3), fairly often (4), frequently (5). */
const SAFETY_FREQUENCY_1_5: readonly AnswerOption[] = [
  { value: 1, answerCode: 'LA6270-8', points: 1 },
  { value: 2, answerCode: 'LA10066-1', points: 2 },
  { value: 3, answerCode: 'LA10082-8', points: 3 },
  { value: 4, answerCode: 'LA16644-9', points: 4 },
  { value: 5, answerCode: 'LA6482-9', points: 5 },
  DECLINED,
];

const single = (key: string, loinc: string, options: readonly AnswerOption[]): ItemDefinition => ({
  key,
  loinc,
  required: true,
  repeats: false,
  options,
});

// The ten core questions of the CMS AHC HRSN screening tool (2017), LOINC panel 96777-8. Every item must be
// submitted, but every item may be answered `declined`; a declined item scores nothing.
const AHC_ITEMS: readonly ItemDefinition[] = [
  single(AHC_ITEM.livingSituation, '71802-3', [
    { value: 'steady', answerCode: 'LA31993-1' },
    { value: 'worried-about-losing', answerCode: 'LA31994-9' },
    { value: 'no-steady-place', answerCode: 'LA31995-6' },
    DECLINED,
  ]),
  {
    key: AHC_ITEM.housingProblems,
    loinc: '96778-6',
    required: true,
    // "Choose all that apply": the key appears once per problem reported.
    repeats: true,
    options: [
      { value: 'pests', answerCode: 'LA31996-4' },
      { value: 'mold', answerCode: 'LA28580-1' },
      { value: 'lead', answerCode: 'LA31997-2' },
      { value: 'heat', answerCode: 'LA31998-0' },
      { value: 'oven', answerCode: 'LA31999-8' },
      { value: 'smoke-detectors', answerCode: 'LA32000-4' },
      { value: 'water-leaks', answerCode: 'LA32001-2' },
      { value: 'none', answerCode: 'LA9-3', exclusive: true },
      DECLINED,
    ],
  },
  ...FOOD_ITEMS.map(({ key, loinc }) => single(key, loinc, FOOD_ANSWERS)),
  single(AHC_ITEM.transportation, '93030-5', [YES, NO, DECLINED]),
  single(AHC_ITEM.utilities, '96779-4', [YES, NO, { value: 'already-shut-off', answerCode: 'LA32002-0' }, DECLINED]),
  single(AHC_ITEM.physicallyHurt, '95618-5', SAFETY_FREQUENCY_1_5),
  single(AHC_ITEM.insultTalkDown, '95617-7', SAFETY_FREQUENCY_1_5),
  single(AHC_ITEM.threatenHarm, '95616-9', SAFETY_FREQUENCY_1_5),
  single(AHC_ITEM.screamCurse, '95615-1', SAFETY_FREQUENCY_1_5),
];

export type AhcDomain = 'housing' | 'food' | 'transportation' | 'utilities' | 'safety';

function socialNeed(
  category: AssessedNeedDraft['category'],
  severity: AssessedNeedDraft['severity'],
  code: AssessedNeedDraft['code'],
): AssessedNeedDraft {
  return { domain: 'social', category, severity, urgent: false, code, callsForCommunityResource: true };
}

function scoreAhc(answers: AnswerSet) {
  const needs: AssessedNeedDraft[] = [];
  const urgentReasons: string[] = [];

  // Housing: an unsteady living situation is housing instability; any reported problem with the home is housing quality.
  const living = answerTo(answers, AHC_ITEM.livingSituation)?.value;
  if (living === 'worried-about-losing') needs.push(socialNeed('housing-instability', 'moderate', NEED_CODES.housingInstability));
  if (living === 'no-steady-place') needs.push(socialNeed('housing-instability', 'severe', NEED_CODES.homeless));
  const problems = (answers.get(AHC_ITEM.housingProblems) ?? []).map((option) => option.value);
  const poorQuality = problems.some((value) => (HOUSING_PROBLEMS as readonly (string | number)[]).includes(value));
  if (poorQuality) needs.push(socialNeed('housing-quality', 'moderate', NEED_CODES.unsatisfactoryLivingConditions));
  const housingPositive = living === 'worried-about-losing' || living === 'no-steady-place' || poorQuality;

  const food = screenFood(answers);
  if (food.atRisk) needs.push({ ...FOOD_INSECURITY_NEED });

  const transportationPositive = answerTo(answers, AHC_ITEM.transportation)?.value === 'yes';
  if (transportationPositive) needs.push(socialNeed('transportation', 'moderate', NEED_CODES.transportationInsecurity));

  const utilities = answerTo(answers, AHC_ITEM.utilities)?.value;
  if (utilities === 'yes') needs.push(socialNeed('utilities', 'moderate', NEED_CODES.utilityInsecurity));
  if (utilities === 'already-shut-off') needs.push(socialNeed('utilities', 'severe', NEED_CODES.utilityInsecurity));

  // Interpersonal safety: the published rule is a total of 11 or more, but a total misses most single reports of
  // being hurt or threatened, so either of those above "never" escalates at once.
  const safetyTotal = AHC_SAFETY_KEYS.reduce((sum, key) => sum + pointsOf(answers, key), 0);
  const violenceReported = AHC_VIOLENCE_KEYS.some((key) => pointsOf(answers, key) > 1);
  const safetyPositive = safetyTotal >= AHC_SAFETY_POSITIVE_FROM || violenceReported;
  if (violenceReported) {
    urgentReasons.push(AHC_VIOLENCE_REASON);
    needs.push({
      ...socialNeed('interpersonal-safety', 'severe', NEED_CODES.interpersonalSafety),
      urgent: true,
      urgentReason: AHC_VIOLENCE_REASON,
    });
  } else if (safetyPositive) {
    needs.push(socialNeed('interpersonal-safety', 'moderate', NEED_CODES.interpersonalSafety));
  }
  // The HITS total is published only for a complete set of four answers; a partial sum is kept in the domain result.
  const safetyComplete = AHC_SAFETY_KEYS.every((key) => isAnswered(answers, key));

  const domains: Record<AhcDomain, DomainResult> = {
    housing: {
      positive: housingPositive,
      answered: isAnswered(answers, AHC_ITEM.livingSituation) || isAnswered(answers, AHC_ITEM.housingProblems),
    },
    food: { positive: food.atRisk, answered: food.answered },
    transportation: { positive: transportationPositive, answered: isAnswered(answers, AHC_ITEM.transportation) },
    utilities: { positive: utilities === 'yes' || utilities === 'already-shut-off', answered: isAnswered(answers, AHC_ITEM.utilities) },
    safety: {
      positive: safetyPositive,
      answered: AHC_SAFETY_KEYS.some((key) => isAnswered(answers, key)),
      total: safetyTotal,
    },
  };

  return {
    positive: Object.values(domains).some((domain) => domain.positive),
    totalObservation: safetyComplete ? { loinc: AHC_SAFETY_TOTAL_LOINC, value: safetyTotal } : undefined,
    needs,
    urgentReasons,
    domains,
  };
}

export const AHC_HRSN: InstrumentDefinition = {
  code: 'AHC-HRSN',
  instrumentLoinc: '96777-8',
  panelLoinc: '96777-8',
  resultLoinc: AHC_SAFETY_TOTAL_LOINC,
  items: AHC_ITEMS,
  unverifiedCodes: [],
  score: scoreAhc,
};
