import type { AssessedNeed, InstrumentCode } from '@careloop/contracts';

/** One submitted answer: an item key of the instrument and an answer value (a number or an answer code). */
export interface SubmittedAnswer {
  itemKey: string;
  value: number | string;
}

/** A field-level problem with a submission. Messages never repeat what was submitted. */
export interface AnswerProblem {
  field: string;
  message: string;
}

/**
 * An allowed answer. `value` is what clients send: the integer score for scored scales, a kebab-case code otherwise.
 * No answer text is kept here: wording belongs to the form, and scoring must never depend on it.
 */
export interface AnswerOption {
  value: number | string;
  /** LOINC answer code (LA...) where the published answer list has one. */
  answerCode?: string;
  /** Points this answer adds to the instrument's total, for scored items only. */
  points?: number;
  /** The respondent was asked and declined (FHIR dataAbsentReason `asked-declined`); scores nothing. */
  declined?: boolean;
  /** Must be the only answer to a multi-answer item ("none of the above", "declined"). */
  exclusive?: boolean;
}

export interface ItemDefinition {
  /** Stable key derived from the item's wording; what clients send as `itemKey`. */
  key: string;
  /** LOINC question code of the item. */
  loinc: string;
  /** Must appear in every submission (possibly as `declined`, where the instrument allows declining). */
  required: boolean;
  /** A multi-answer item: the key may appear once per chosen answer. */
  repeats: boolean;
  options: readonly AnswerOption[];
}

/** Validated answers grouped by item, each as the allowed option it matched. */
export type AnswerSet = ReadonlyMap<string, readonly AnswerOption[]>;

export type AssessedNeedDraft = Omit<AssessedNeed, 'needId'>;

export interface DerivedObservation {
  loinc: string;
  value: number | string;
  /** LOINC answer code of the value, where one exists. */
  answerCode?: string;
}

/** What an instrument's scoring rule concludes from a valid answer set. */
export interface InstrumentOutcome {
  total?: number;
  band?: string;
  positive: boolean;
  followUp?: InstrumentCode;
  totalObservation?: DerivedObservation;
  needs: AssessedNeedDraft[];
  urgentReasons: string[];
  domains?: Record<string, DomainResult>;
}

/** Per-domain result of a multi-domain social screen (AHC HRSN). */
export interface DomainResult {
  positive: boolean;
  /** At least one item of the domain was answered (not declined). */
  answered: boolean;
  /** Domain sub-score, where the instrument scores the domain (interpersonal safety). */
  total?: number;
}

export interface InstrumentDefinition {
  code: InstrumentCode;
  /** LOINC code that identifies the instrument in results: the panel code, or the total where no panel code exists. */
  instrumentLoinc: string;
  panelLoinc?: string;
  totalLoinc?: string;
  /** LOINC of a derived result that is not a plain total (HVS risk, AHC safety score). */
  resultLoinc?: string;
  items: readonly ItemDefinition[];
  /** Codes used here that could not be confirmed against the published LOINC / SNOMED CT tables. */
  unverifiedCodes: readonly string[];
  score(answers: AnswerSet): InstrumentOutcome;
}

/** One Observation per submitted answer, FHIR-like, derived from the instrument's panel. */
export interface ScoredObservation {
  loinc: string;
  itemKey: string;
  value: number | string;
  answerCode?: string;
  points?: number;
  dataAbsentReason?: 'asked-declined';
  derivedFrom: { instrumentLoinc: string; assessmentId?: string };
}

export interface ScoredAssessment {
  instrument: InstrumentCode;
  instrumentLoinc: string;
  total?: number;
  band?: string;
  /**
   * The published cut-off was met, or a single answer escalated (PHQ-9 item 9, reported violence):
   * an assessment that raises an urgent need is never reported as negative.
   */
  positive: boolean;
  /** The instrument to administer next (PHQ-2 -> PHQ-9, GAD-2 -> GAD-7) when a short screen is positive. */
  followUp?: InstrumentCode;
  observations: ScoredObservation[];
  totalObservation?: DerivedObservation;
  needs: AssessedNeedDraft[];
  urgent: boolean;
  urgentReasons: string[];
  domains?: Record<string, DomainResult>;
}

export interface ScoreOptions {
  /** Id of the assessment record the observations derive from, when the caller has minted it already. */
  assessmentId?: string;
}
