import { describe, expect, it } from '@jest/globals';
import { NeedAssessedV1, type InstrumentCode } from '@careloop/contracts';
import { INSTRUMENT_REGISTRY } from './instrument.registry';
import type { SubmittedAnswer } from './instrument.types';
import { InvalidAnswersError, scoreAssessment } from './score-assessment';

/** The highest-scoring answer of every required item: positive on every instrument. */
function worstCase(code: InstrumentCode): SubmittedAnswer[] {
  return INSTRUMENT_REGISTRY[code].items
    .filter((item) => item.required)
    .map((item) => {
      const scored = item.options.filter((o) => o.points !== undefined);
      const value = scored.length > 0 ? scored[scored.length - 1].value : item.options[0].value;
      return { itemKey: item.key, value };
    });
}

describe('scoreAssessment', () => {
  it.each(Object.keys(INSTRUMENT_REGISTRY) as InstrumentCode[])(
    'a %s result fits the NeedAssessed event once the service mints need ids',
    (code) => {
      const result = scoreAssessment(code, worstCase(code));
      expect(result.positive).toBe(true);
      expect(result.needs.length).toBeGreaterThan(0);
      const event = NeedAssessedV1.parse({
        assessmentId: 'asm-1',
        clientId: 'cli-1',
        instrument: result.instrument,
        instrumentLoinc: result.instrumentLoinc,
        completedAt: '2026-01-05T10:00:00Z',
        result: { total: result.total, band: result.band, positive: result.positive },
        needs: result.needs.map((need, i) => ({ ...need, needId: `need-${i}` })),
        context: { preferredLanguage: 'en', ageBand: '45-64' },
      });
      expect(event.needs).toHaveLength(result.needs.length);
    },
  );

  it('emits exactly one observation per submitted answer, in order', () => {
    const answers = worstCase('AHC-HRSN');
    const result = scoreAssessment('AHC-HRSN', answers);
    expect(result.observations.map((o) => [o.itemKey, o.value])).toEqual(answers.map((a) => [a.itemKey, a.value]));
  });

  it('refuses to score invalid answers, carrying the problems', () => {
    const answers = [{ itemKey: 'little-interest', value: 9 }];
    let error: unknown;
    try {
      scoreAssessment('PHQ-2', answers);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidAnswersError);
    expect((error as InvalidAnswersError).problems).toEqual([
      { field: 'answers[0].value', message: 'must be one of: 0, 1, 2, 3' },
      { field: 'answers', message: "missing required item 'feeling-down'" },
    ]);
    expect((error as Error).message).not.toContain('9');
  });

  it('hands out needs that callers may change without touching the next result', () => {
    const first = scoreAssessment('GAD-7', worstCase('GAD-7'));
    first.needs[0].code.code = 'tampered';
    const second = scoreAssessment('GAD-7', worstCase('GAD-7'));
    expect(second.needs[0].code.code).toBe('197480006');
  });
});
