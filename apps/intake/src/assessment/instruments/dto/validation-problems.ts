import type { ValidationError } from 'class-validator';
import type { AnswerProblem } from '../instrument.types';

/**
 * Flattens class-validator errors into the same field-level problems validateAnswers returns
 * (`answers[3].value`). Only constraint messages are kept: class-validator's `value` is dropped on purpose.
 */
export function toAnswerProblems(errors: readonly ValidationError[], parent = ''): AnswerProblem[] {
  return errors.flatMap((error) => {
    const field = !parent ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...toAnswerProblems(error.children ?? [], field)];
  });
}
