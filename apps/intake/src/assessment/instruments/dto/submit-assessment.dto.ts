import { INSTRUMENTS, type InstrumentCode } from '@careloop/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, Matches, ValidateNested } from 'class-validator';
import { MAX_ANSWERS } from '../validate-answers';
import { AnswerDto } from './answer.dto';

/** The event contract requires a date-time with an offset, so a bare date is refused here rather than downstream. */
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The shape of a submitted assessment. Per-instrument rules (which items, which values) are checked afterwards by
 * validateAnswers; both report field-level problems in the same form (see toAnswerProblems).
 */
export class SubmitAssessmentDto {
  @ApiProperty({ enum: INSTRUMENTS })
  @IsIn(INSTRUMENTS)
  instrument: InstrumentCode;

  @ApiProperty({ type: [AnswerDto], maxItems: MAX_ANSWERS })
  @IsArray()
  @ArrayMaxSize(MAX_ANSWERS)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];

  @ApiPropertyOptional({ description: 'When the screening was completed (ISO 8601 date-time with offset).', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE_TIME_WITH_OFFSET, { message: 'completedAt must be an ISO 8601 date-time with a time zone offset' })
  completedAt?: string;
}
