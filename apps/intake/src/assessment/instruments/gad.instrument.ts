import type { NeedSeverity } from '@careloop/contracts';
import { FREQUENCY_0_3, NEED_CODES } from './clinical-codes';
import type { AnswerOption, AssessedNeedDraft, InstrumentDefinition, ItemDefinition } from './instrument.types';
import { bandOf, sumPoints, type Band } from './scoring-helpers';

// LOINC publishes item 2 (68509-9) with its own answer list, where 2 points is "more days than not" (LA18938-3).
const WORRY_OPTIONS: readonly AnswerOption[] = FREQUENCY_0_3.map((option) =>
  option.value === 2 ? { ...option, answerCode: 'LA18938-3' } : option,
);

// Item keys follow the published GAD-7 wording (Spitzer et al. 2006); LOINC codes from panel 69737-5.
const GAD_ITEMS: readonly ItemDefinition[] = [
  { key: 'nervous-anxious', loinc: '69725-0', options: FREQUENCY_0_3 },
  { key: 'cannot-stop-worrying', loinc: '68509-9', options: WORRY_OPTIONS },
  { key: 'worrying-too-much', loinc: '69733-4', options: FREQUENCY_0_3 },
  { key: 'trouble-relaxing', loinc: '69734-2', options: FREQUENCY_0_3 },
  { key: 'restless', loinc: '69735-9', options: FREQUENCY_0_3 },
  { key: 'easily-annoyed', loinc: '69689-8', options: FREQUENCY_0_3 },
  { key: 'feeling-afraid', loinc: '69736-7', options: FREQUENCY_0_3 },
].map((item) => ({ ...item, required: true, repeats: false }));

const GAD2_KEYS = GAD_ITEMS.slice(0, 2).map((item) => item.key);
const GAD7_KEYS = GAD_ITEMS.map((item) => item.key);

export const GAD2_POSITIVE_FROM = 3;
export const GAD7_POSITIVE_FROM = 10;

/**
 * No GAD-2 panel code could be confirmed. 70272-0 is the GAD-2 total score as far as we can tell (one secondary
 * source agrees); it stands in as the instrument code until checked against the LOINC table.
 */
export const GAD2_TOTAL_LOINC = '70272-0';

export type Gad7Band = 'minimal' | 'mild' | 'moderate' | 'severe';
const GAD7_BANDS: readonly Band<Gad7Band>[] = [
  { from: 0, band: 'minimal' },
  { from: 5, band: 'mild' },
  { from: 10, band: 'moderate' },
  { from: 15, band: 'severe' },
];
/** Need severity of a band; a need is raised from the moderate band up. */
const GAD7_SEVERITY: Record<Gad7Band, NeedSeverity> = { minimal: 'low', mild: 'mild', moderate: 'moderate', severe: 'severe' };

export const GAD2: InstrumentDefinition = {
  code: 'GAD-2',
  instrumentLoinc: GAD2_TOTAL_LOINC,
  totalLoinc: GAD2_TOTAL_LOINC,
  items: GAD_ITEMS.slice(0, 2),
  unverifiedCodes: [GAD2_TOTAL_LOINC],
  score(answers) {
    const total = sumPoints(answers, GAD2_KEYS);
    const positive = total >= GAD2_POSITIVE_FROM;
    // As with the PHQ-2: a positive short screen is a mild, provisional need and the full GAD-7 should follow.
    const needs: AssessedNeedDraft[] = positive
      ? [
          {
            domain: 'clinical',
            category: 'anxiety',
            severity: 'mild',
            urgent: false,
            code: NEED_CODES.anxietyDisorder,
            callsForCommunityResource: false,
          },
        ]
      : [];
    return {
      total,
      positive,
      followUp: positive ? 'GAD-7' : undefined,
      totalObservation: { loinc: GAD2_TOTAL_LOINC, value: total },
      needs,
      urgentReasons: [],
    };
  },
};

export const GAD7: InstrumentDefinition = {
  code: 'GAD-7',
  instrumentLoinc: '69737-5',
  panelLoinc: '69737-5',
  totalLoinc: '70274-6',
  // The published form's functional-difficulty question is left out: its LOINC code could not be confirmed.
  items: GAD_ITEMS,
  unverifiedCodes: [],
  score(answers) {
    const total = sumPoints(answers, GAD7_KEYS);
    const band = bandOf(total, GAD7_BANDS);
    const positive = total >= GAD7_POSITIVE_FROM;
    const needs: AssessedNeedDraft[] = positive
      ? [
          {
            domain: 'clinical',
            category: 'anxiety',
            severity: GAD7_SEVERITY[band],
            urgent: false,
            code: NEED_CODES.anxietyDisorder,
            callsForCommunityResource: false,
          },
        ]
      : [];
    return { total, band, positive, totalObservation: { loinc: '70274-6', value: total }, needs, urgentReasons: [] };
  },
};
