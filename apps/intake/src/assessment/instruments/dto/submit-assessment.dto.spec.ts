import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { SubmitAssessmentDto } from './submit-assessment.dto';
import { toAnswerProblems } from './validation-problems';

async function problemsOf(body: unknown) {
  const dto = plainToInstance(SubmitAssessmentDto, body);
  return toAnswerProblems(await validate(dto as object, { whitelist: true, forbidNonWhitelisted: true }));
}

const answers = [
  { itemKey: 'little-interest', value: 1 },
  { itemKey: 'feeling-down', value: 'declined' },
];

describe('SubmitAssessmentDto', () => {
  it('accepts a well-formed submission, with or without completedAt', async () => {
    expect(await problemsOf({ instrument: 'PHQ-2', answers })).toEqual([]);
    expect(await problemsOf({ instrument: 'PHQ-2', answers, completedAt: '2026-01-05T10:00:00+02:00' })).toEqual([]);
  });

  it('refuses an unknown instrument', async () => {
    expect(await problemsOf({ instrument: 'PHQ-10', answers })).toEqual([
      { field: 'instrument', message: expect.stringContaining('instrument must be one of the following values') },
    ]);
  });

  it('refuses more than 20 answers', async () => {
    const many = Array.from({ length: 21 }, () => ({ itemKey: 'little-interest', value: 0 }));
    expect(await problemsOf({ instrument: 'PHQ-9', answers: many })).toEqual([
      { field: 'answers', message: 'answers must contain no more than 20 elements' },
    ]);
  });

  it('gives nested answer problems a field path', async () => {
    const problems = await problemsOf({
      instrument: 'PHQ-9',
      answers: [
        { itemKey: 'little-interest', value: 1 },
        { itemKey: 'x'.repeat(65), value: { nested: true } },
        { itemKey: 'feeling-down', value: Number.NaN },
      ],
    });
    expect(problems).toEqual([
      { field: 'answers[1].itemKey', message: 'itemKey must be shorter than or equal to 64 characters' },
      { field: 'answers[1].value', message: 'value must be a finite number or a string of 1 to 64 characters' },
      { field: 'answers[2].value', message: 'value must be a finite number or a string of 1 to 64 characters' },
    ]);
  });

  it('refuses a completedAt that is not a date-time with an offset', async () => {
    for (const completedAt of ['2026-01-05', '2026-01-05T10:00:00', 'yesterday']) {
      const problems = await problemsOf({ instrument: 'PHQ-2', answers, completedAt });
      expect(problems.map((p) => p.field)).toContain('completedAt');
    }
  });

  it('refuses answers that are not an array of objects', async () => {
    expect((await problemsOf({ instrument: 'PHQ-2', answers: 'all fine' })).map((p) => p.field)).toContain('answers');
    expect((await problemsOf({ instrument: 'PHQ-2', answers: [3] })).map((p) => p.field)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^answers/)]),
    );
  });

  it('never repeats a submitted value in a problem', async () => {
    const secret = 'he-threatens-me-every-night';
    const problems = await problemsOf({ instrument: secret, answers: [{ itemKey: secret.repeat(3), value: secret.repeat(3) }] });
    expect(problems.length).toBeGreaterThan(0);
    expect(JSON.stringify(problems)).not.toContain(secret);
  });
});
