import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { REFERRAL_OUTCOMES, REFERRAL_STATUSES, type ReferralOutcome, type ReferralStatus } from '@careloop/contracts';
import { STATUS_REASON_MAX_LENGTH } from '../domain/referral-state-machine';

export class ChangeReferralStatusDto {
  @ApiProperty({
    enum: REFERRAL_STATUSES,
    description:
      'The receiving organization sets accepted, rejected, in-progress, on-hold, failed, completed; the requesting care ' +
      'team sets cancelled and entered-in-error; either may cancel.',
  })
  @IsIn(REFERRAL_STATUSES)
  status!: ReferralStatus;

  @ApiPropertyOptional({
    description: 'Why, in a few words: required for rejected, failed, cancelled, on-hold and entered-in-error. Never client details.',
    maxLength: STATUS_REASON_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(STATUS_REASON_MAX_LENGTH)
  statusReason?: string;

  @ApiPropertyOptional({
    enum: REFERRAL_OUTCOMES,
    description: 'Required for completed and failed; allowed for rejected and cancelled.',
  })
  @IsOptional()
  @IsIn(REFERRAL_OUTCOMES)
  outcome?: ReferralOutcome;

  @ApiPropertyOptional({ description: 'The version the caller last read; a different stored version answers 409', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
