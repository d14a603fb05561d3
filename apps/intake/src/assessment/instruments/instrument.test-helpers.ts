import type { SubmittedAnswer } from './instrument.types';

/**
 * Answers to 0-3 items adding up to `total`, filled from the first item on (3 points each until the total is
 * spent), so the last item only scores when the total needs it.
 */
export function answersForTotal(keys: readonly string[], total: number, perItemMax = 3): SubmittedAnswer[] {
  if (total < 0 || total > keys.length * perItemMax) throw new Error(`total ${total} is out of range`);
  let remaining = total;
  return keys.map((itemKey) => {
    const value = Math.min(perItemMax, remaining);
    remaining -= value;
    return { itemKey, value };
  });
}

export function withAnswer(answers: SubmittedAnswer[], itemKey: string, value: number | string): SubmittedAnswer[] {
  return answers.map((answer) => (answer.itemKey === itemKey ? { itemKey, value } : answer));
}
