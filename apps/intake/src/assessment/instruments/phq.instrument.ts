import type { NeedSeverity } from '@careloop/contracts';
import { FREQUENCY_0_3, NEED_CODES } from './clinical-codes';
import type { AssessedNeedDraft, InstrumentDefinition, ItemDefinition } from './instrument.types';
import { answerTo, bandOf, sumPoints, type Band } from './scoring-helpers';

// Item keys follow the published PHQ wording (Kroenke, Spitzer, Williams); LOINC codes from panel 44249-1.
const PHQ_ITEMS = [
  { key: 'little-interest', loinc: '44250-9' },
  { key: 'feeling-down', loinc: '44255-8' },
  { key: 'sleep-trouble', loinc: '44259-0' },
  { key: 'tired-little-energy', loinc: '44254-1' },
  { key: 'appetite', loinc: '44251-7' },
  { key: 'feeling-bad-about-self', loinc: '44258-2' },
  { key: 'trouble-concentrating', loinc: '44252-5' },
  { key: 'moving-slowly-or-fidgety', loinc: '44253-3' },
  { key: 'self-harm-thoughts', loinc: '44260-8' },
] as const;

const frequencyItem = ({ key, loinc }: { key: string; loinc: string }): ItemDefinition => ({
  key,
  loinc,
  required: true,
  repeats: false,
  options: FREQUENCY_0_3,
});

export const PHQ9_SELF_HARM_ITEM = 'self-harm-thoughts';
export const PHQ9_DIFFICULTY_ITEM = 'difficulty';
export const PHQ9_ITEM9_REASON = 'phq9-item9-positive';

const PHQ2_KEYS = PHQ_ITEMS.slice(0, 2).map((item) => item.key);
const PHQ9_KEYS = PHQ_ITEMS.map((item) => item.key);

export const PHQ2_POSITIVE_FROM = 3;
export const PHQ9_POSITIVE_FROM = 10;

export type Phq9Band = 'minimal' | 'mild' | 'moderate' | 'moderately-severe' | 'severe';
const PHQ9_BANDS: readonly Band<Phq9Band>[] = [
  { from: 0, band: 'minimal' },
  { from: 5, band: 'mild' },
  { from: 10, band: 'moderate' },
  { from: 15, band: 'moderately-severe' },
  { from: 20, band: 'severe' },
];
/** Need severity of a band; a need is raised from the moderate band up, so the first two never reach an event. */
const PHQ9_SEVERITY: Record<Phq9Band, NeedSeverity> = {
  minimal: 'low',
  mild: 'mild',
  moderate: 'moderate',
  'moderately-severe': 'moderately-severe',
  severe: 'severe',
};

export const PHQ2: InstrumentDefinition = {
  code: 'PHQ-2',
  instrumentLoinc: '55757-9',
  panelLoinc: '55757-9',
  totalLoinc: '55758-7',
  items: PHQ_ITEMS.slice(0, 2).map(frequencyItem),
  unverifiedCodes: [],
  score(answers) {
    const total = sumPoints(answers, PHQ2_KEYS);
    const positive = total >= PHQ2_POSITIVE_FROM;
    // A short screen does not measure severity: a positive PHQ-2 is a mild, provisional need until the PHQ-9 is done.
    const needs: AssessedNeedDraft[] = positive
      ? [
          {
            domain: 'clinical',
            category: 'depression',
            severity: 'mild',
            urgent: false,
            code: NEED_CODES.depressiveDisorder,
            callsForCommunityResource: false,
          },
        ]
      : [];
    return {
      total,
      positive,
      followUp: positive ? 'PHQ-9' : undefined,
      totalObservation: { loinc: '55758-7', value: total },
      needs,
      urgentReasons: [],
    };
  },
};

export const PHQ9: InstrumentDefinition = {
  code: 'PHQ-9',
  instrumentLoinc: '44249-1',
  panelLoinc: '44249-1',
  totalLoinc: '44261-6',
  items: [
    ...PHQ_ITEMS.map(frequencyItem),
    // The functional-difficulty question of the published form: optional and never scored (LOINC answer list LL359-1).
    {
      key: PHQ9_DIFFICULTY_ITEM,
      loinc: '69722-7',
      required: false,
      repeats: false,
      options: [
        { value: 'not-difficult-at-all', answerCode: 'LA6572-7' },
        { value: 'somewhat-difficult', answerCode: 'LA6573-5' },
        { value: 'very-difficult', answerCode: 'LA6575-0' },
        { value: 'extremely-difficult', answerCode: 'LA6574-3' },
      ],
    },
  ],
  unverifiedCodes: [],
  score(answers) {
    const total = sumPoints(answers, PHQ9_KEYS);
    const band = bandOf(total, PHQ9_BANDS);
    const needs: AssessedNeedDraft[] = [];
    const urgentReasons: string[] = [];

    if (total >= PHQ9_POSITIVE_FROM) {
      needs.push({
        domain: 'clinical',
        category: 'depression',
        severity: PHQ9_SEVERITY[band],
        urgent: false,
        code: NEED_CODES.depressiveDisorder,
        callsForCommunityResource: false,
      });
    }
    // Item 9 escalates on its own: any answer above "not at all" needs same-day follow-up, whatever the total.
    if ((answerTo(answers, PHQ9_SELF_HARM_ITEM)?.points ?? 0) > 0) {
      urgentReasons.push(PHQ9_ITEM9_REASON);
      needs.push({
        domain: 'clinical',
        category: 'self-harm-risk',
        severity: 'severe',
        urgent: true,
        urgentReason: PHQ9_ITEM9_REASON,
        code: NEED_CODES.suicidalIdeation,
        callsForCommunityResource: false,
      });
    }
    return {
      total,
      band,
      positive: total >= PHQ9_POSITIVE_FROM || urgentReasons.length > 0,
      totalObservation: { loinc: '44261-6', value: total },
      needs,
      urgentReasons,
    };
  },
};
