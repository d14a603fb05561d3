import type { CodeableConcept } from '@careloop/contracts';
import type { AnswerOption } from './instrument.types';

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
/** Gravity Project SDOH Clinical Care domain codes (HL7 SDOHCC temporary code system). */
export const SDOHCC = 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes';

/**
 * The codes an identified need carries. SNOMED CT where the concept is known with confidence; where it is not
 * (transportation, utilities, interpersonal safety), the Gravity domain code itself, which is certain, rather than
 * a guessed SNOMED concept. Candidates to confirm against the Gravity value sets are noted beside each.
 */
export const NEED_CODES = {
  depressiveDisorder: { system: SNOMED, code: '35489007', display: 'Depressive disorder' },
  suicidalIdeation: { system: SNOMED, code: '6471006', display: 'Suicidal ideation' },
  anxietyDisorder: { system: SNOMED, code: '197480006', display: 'Anxiety disorder' },
  foodInsecurity: { system: SNOMED, code: '733423003', display: 'Food insecurity' },
  housingInstability: { system: SNOMED, code: '1156191002', display: 'Housing instability' },
  homeless: { system: SNOMED, code: '32911000', display: 'Homeless' },
  /** Gravity "inadequate housing". */
  unsatisfactoryLivingConditions: { system: SNOMED, code: '105531004', display: 'Unsatisfactory living conditions' },
  /** SNOMED candidate 713458007 "Lack of access to transportation": not confirmed in the Gravity value set. */
  transportationInsecurity: { system: SDOHCC, code: 'transportation-insecurity', display: 'Transportation Insecurity' },
  /** No SNOMED concept confirmed for utility insecurity. */
  utilityInsecurity: { system: SDOHCC, code: 'utility-insecurity', display: 'Utility Insecurity' },
  /**
   * The AHC safety items ask about anyone, family and friends included; Gravity files them under its
   * intimate-partner-violence domain. SNOMED candidate 22791000175108 "At risk of intimate partner violence" not confirmed.
   */
  interpersonalSafety: { system: SDOHCC, code: 'intimate-partner-violence', display: 'Intimate Partner Violence' },
} as const satisfies Record<string, CodeableConcept>;

/** PHQ / GAD frequency scale (LOINC answer list LL358-3): not at all, several days, more than half the days, nearly every day. */
export const FREQUENCY_0_3: readonly AnswerOption[] = [
  { value: 0, answerCode: 'LA6568-5', points: 0 },
  { value: 1, answerCode: 'LA6569-3', points: 1 },
  { value: 2, answerCode: 'LA6570-1', points: 2 },
  { value: 3, answerCode: 'LA6571-9', points: 3 },
];

/** Asked and declined: allowed only where the instrument lets a respondent decline (HVS, AHC HRSN). */
export const DECLINED: AnswerOption = { value: 'declined', declined: true, exclusive: true };

/** Hunger Vital Sign answers (also AHC HRSN food items). */
export const FOOD_OFTEN_TRUE = 'often-true';
export const FOOD_SOMETIMES_TRUE = 'sometimes-true';
export const FOOD_NEVER_TRUE = 'never-true';
export const FOOD_ANSWERS: readonly AnswerOption[] = [
  { value: FOOD_OFTEN_TRUE, answerCode: 'LA28397-0' },
  { value: FOOD_SOMETIMES_TRUE, answerCode: 'LA6729-3' },
  { value: FOOD_NEVER_TRUE, answerCode: 'LA28398-8' },
  DECLINED,
];

/** Hunger Vital Sign result (88124-3) answers. */
export const HVS_AT_RISK = { value: 'at-risk', answerCode: 'LA19952-3' } as const;
export const HVS_NO_RISK = { value: 'no-risk', answerCode: 'LA19983-8' } as const;
