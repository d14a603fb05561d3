import { INSTRUMENTS, type InstrumentCode } from '@careloop/contracts';
import { findInstrument } from './instrument.registry';
import type { AnswerOption, AnswerProblem, InstrumentDefinition, ItemDefinition, SubmittedAnswer } from './instrument.types';

/** No instrument here needs more (AHC HRSN: nine single answers plus at most seven housing problems). */
export const MAX_ANSWERS = 20;

function allowedValues(item: ItemDefinition): string {
  return item.options.map((option) => (typeof option.value === 'number' ? String(option.value) : `'${option.value}'`)).join(', ');
}

function canDecline(item: ItemDefinition): boolean {
  return item.options.some((option) => option.declined);
}

interface ItemSeen {
  values: Set<number | string>;
  exclusive: boolean;
}

/**
 * Checks a submission against an instrument: unknown items, items answered twice, missing required items and
 * values outside the item's allowed set. Values are compared strictly (`'1'` is not `1`). Each problem names the
 * field (`answers[3].value`); no message repeats a submitted value, so problems are safe to log and return.
 */
export function validateAnswers(
  instrument: InstrumentCode | InstrumentDefinition,
  answers: readonly SubmittedAnswer[],
): AnswerProblem[] {
  const definition = typeof instrument === 'string' ? findInstrument(instrument) : instrument;
  if (!definition) return [{ field: 'instrument', message: `must be one of: ${INSTRUMENTS.join(', ')}` }];
  if (!Array.isArray(answers)) return [{ field: 'answers', message: 'must be an array of answers' }];
  if (answers.length > MAX_ANSWERS) return [{ field: 'answers', message: `must contain at most ${MAX_ANSWERS} answers` }];

  const items = new Map(definition.items.map((item) => [item.key, item]));
  const seen = new Map<string, ItemSeen>();
  // Items submitted at all, valid or not: an item with a bad value is reported for its value, not as missing too.
  const present = new Set<string>();
  const problems: AnswerProblem[] = [];

  answers.forEach((answer: unknown, index) => {
    const path = `answers[${index}]`;
    if (answer === null || typeof answer !== 'object') {
      problems.push({ field: path, message: 'must be an object with itemKey and value' });
      return;
    }
    const { itemKey, value } = answer as Partial<SubmittedAnswer>;
    if (typeof itemKey !== 'string') {
      problems.push({ field: `${path}.itemKey`, message: 'must be a string' });
      return;
    }
    const item = items.get(itemKey);
    if (!item) {
      problems.push({ field: `${path}.itemKey`, message: `is not an item of ${definition.code}` });
      return;
    }
    present.add(itemKey);
    const before = seen.get(itemKey);
    if (before && !item.repeats) {
      problems.push({ field: `${path}.itemKey`, message: `item '${item.key}' is answered more than once` });
      return;
    }
    const option: AnswerOption | undefined = item.options.find((candidate) => candidate.value === value);
    if (!option) {
      problems.push({ field: `${path}.value`, message: `must be one of: ${allowedValues(item)}` });
      return;
    }
    if (before) {
      if (before.values.has(option.value)) {
        problems.push({ field: `${path}.value`, message: `repeats an answer already given to '${item.key}'` });
        return;
      }
      if (option.exclusive || before.exclusive) {
        problems.push({ field: `${path}.value`, message: `cannot be combined with other answers to '${item.key}'` });
        return;
      }
      before.values.add(option.value);
      return;
    }
    seen.set(itemKey, { values: new Set([option.value]), exclusive: option.exclusive === true });
  });

  for (const item of definition.items) {
    if (item.required && !present.has(item.key)) {
      const hint = canDecline(item) ? ` (answer it, or record 'declined')` : '';
      problems.push({ field: 'answers', message: `missing required item '${item.key}'${hint}` });
    }
  }
  return problems;
}
