import type { InstrumentCode } from '@careloop/contracts';
import { getInstrument } from './instrument.registry';
import type {
  AnswerOption,
  AnswerProblem,
  ItemDefinition,
  ScoredAssessment,
  ScoredObservation,
  ScoreOptions,
  SubmittedAnswer,
} from './instrument.types';
import { validateAnswers } from './validate-answers';

/** Thrown when answers that failed validation reach scoring: a score is never computed from a bad answer set. */
export class InvalidAnswersError extends Error {
  constructor(readonly problems: AnswerProblem[]) {
    super(`answers failed validation (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
    this.name = 'InvalidAnswersError';
  }
}

function matchedOption(item: ItemDefinition | undefined, value: number | string): { item: ItemDefinition; option: AnswerOption } {
  const option = item?.options.find((candidate) => candidate.value === value);
  // Unreachable after validateAnswers; kept so a future change cannot silently score an unmatched answer.
  if (!item || !option) throw new InvalidAnswersError([{ field: 'answers', message: 'an answer matched no allowed value' }]);
  return { item, option };
}

/**
 * Scores a submission: one observation per answer, the instrument's total / band / result, the coded needs it
 * identifies, and whether anything must escalate at once. Answers are validated first (see validateAnswers).
 */
export function scoreAssessment(
  instrument: InstrumentCode,
  answers: readonly SubmittedAnswer[],
  opts: ScoreOptions = {},
): ScoredAssessment {
  const definition = getInstrument(instrument);
  const problems = validateAnswers(definition, answers);
  if (problems.length > 0) throw new InvalidAnswersError(problems);

  const items = new Map(definition.items.map((item) => [item.key, item]));
  const grouped = new Map<string, AnswerOption[]>();
  const derivedFrom = { instrumentLoinc: definition.instrumentLoinc, ...(opts.assessmentId ? { assessmentId: opts.assessmentId } : {}) };

  const observations: ScoredObservation[] = answers.map(({ itemKey, value }) => {
    const { item, option } = matchedOption(items.get(itemKey), value);
    grouped.set(item.key, [...(grouped.get(item.key) ?? []), option]);
    return {
      loinc: item.loinc,
      itemKey: item.key,
      value: option.value,
      ...(option.answerCode ? { answerCode: option.answerCode } : {}),
      ...(option.points !== undefined ? { points: option.points } : {}),
      ...(option.declined ? { dataAbsentReason: 'asked-declined' as const } : {}),
      derivedFrom: { ...derivedFrom },
    };
  });

  // Copies, so callers may enrich the result without touching the frozen reference data it was built from.
  const outcome = structuredClone(definition.score(grouped));
  const result: ScoredAssessment = {
    instrument: definition.code,
    instrumentLoinc: definition.instrumentLoinc,
    positive: outcome.positive,
    observations,
    needs: outcome.needs,
    urgent: outcome.urgentReasons.length > 0 || outcome.needs.some((need) => need.urgent),
    urgentReasons: outcome.urgentReasons,
  };
  if (outcome.total !== undefined) result.total = outcome.total;
  if (outcome.band !== undefined) result.band = outcome.band;
  if (outcome.followUp !== undefined) result.followUp = outcome.followUp;
  if (outcome.totalObservation !== undefined) result.totalObservation = outcome.totalObservation;
  if (outcome.domains !== undefined) result.domains = outcome.domains;
  return result;
}
