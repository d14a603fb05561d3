import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { REFERRAL_STATUSES, type ReferralStatus } from '@careloop/contracts';

export const MAX_REFERRALS_PER_PAGE = 100;

export class ListReferralsQueryDto {
  @ApiPropertyOptional({
    description: "The client whose referrals to list (required for care-manager, case-manager and provider; ignored for organization users)",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'clientId must be an identifier' })
  clientId?: string;

  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_REFERRALS_PER_PAGE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_REFERRALS_PER_PAGE)
  perPage?: number;
}
