import type { AnswerOption, AnswerSet } from './instrument.types';

/** The single answer to a non-repeating item, or undefined when the item was not submitted. */
export function answerTo(answers: AnswerSet, key: string): AnswerOption | undefined {
  return answers.get(key)?.[0];
}

/** Points of an item's answer; an absent or declined answer scores nothing. */
export function pointsOf(answers: AnswerSet, key: string): number {
  return (answers.get(key) ?? []).reduce((sum, option) => sum + (option.points ?? 0), 0);
}

export function sumPoints(answers: AnswerSet, keys: readonly string[]): number {
  return keys.reduce((sum, key) => sum + pointsOf(answers, key), 0);
}

/** True when the item was answered with something other than `declined`. */
export function isAnswered(answers: AnswerSet, key: string): boolean {
  const chosen = answers.get(key) ?? [];
  return chosen.length > 0 && chosen.every((option) => !option.declined);
}

export interface Band<B extends string> {
  /** Inclusive lower bound of the band. */
  from: number;
  band: B;
}

/** The band whose lower bound is the highest one at or below the total; bands are listed in ascending order. */
export function bandOf<B extends string>(total: number, bands: readonly Band<B>[]): B {
  let found = bands[0].band;
  for (const { from, band } of bands) {
    if (total >= from) found = band;
  }
  return found;
}
