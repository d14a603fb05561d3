import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

export const ANSWER_VALUE_MAX_LENGTH = 64;

/** A finite number or a short string: the shape of every answer; which values an item allows is validateAnswers' job. */
export function IsAnswerValue(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAnswerValue',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isFinite(value)) ||
          (typeof value === 'string' && value.length > 0 && value.length <= ANSWER_VALUE_MAX_LENGTH),
        defaultMessage: buildMessage(
          (eachPrefix) =>
            `${eachPrefix}$property must be a finite number or a string of 1 to ${ANSWER_VALUE_MAX_LENGTH} characters`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export class AnswerDto {
  @ApiProperty({ description: 'Item key of the instrument (e.g. `self-harm-thoughts`).', maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  itemKey: string;

  @ApiProperty({
    description: 'Score for scored scales (PHQ/GAD 0-3, AHC safety 1-5), otherwise an answer code (e.g. `often-true`, `declined`).',
    oneOf: [{ type: 'number' }, { type: 'string', maxLength: ANSWER_VALUE_MAX_LENGTH }],
  })
  @IsAnswerValue()
  value: number | string;
}
