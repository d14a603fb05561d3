import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { REFERRAL_SOURCES, ReferralSource } from '@careloop/contracts';

export const REFERRAL_NOTE_MAX_LENGTH = 2000;

/** Limits match the event contract's CodeableConcept, so a code accepted here is never refused by the outbox. */
export class ReasonCodeDto {
  @ApiProperty({ description: 'Code system URI', example: 'http://hl7.org/fhir/sid/icd-10-cm', maxLength: 200 })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, { message: 'system must be a URI such as http://snomed.info/sct' })
  @MaxLength(200)
  system!: string;

  @ApiProperty({ example: 'Z59.41', maxLength: 64 })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'code must be 1-64 letters, digits, dots, colons, underscores or dashes' })
  code!: string;

  @ApiPropertyOptional({ example: 'Food insecurity', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  display?: string;
}

export class RecordReferralDto {
  @ApiProperty({ enum: REFERRAL_SOURCES })
  @IsIn(REFERRAL_SOURCES)
  source!: ReferralSource;

  @ApiPropertyOptional({ type: ReasonCodeDto, description: 'Why the client was referred, coded' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReasonCodeDto)
  reasonCode?: ReasonCodeDto;

  @ApiPropertyOptional({
    description: 'Free text for the care team; kept in intake only, never published',
    maxLength: REFERRAL_NOTE_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(REFERRAL_NOTE_MAX_LENGTH)
  note?: string;
}
