import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export const RECIPIENT_CHANNELS = ['email', 'sms'] as const;
export type RecipientChannel = (typeof RECIPIENT_CHANNELS)[number];

/** Same identifier rule as the event contracts (user ids arrive in events as assignee and owner ids). */
export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export class UserIdParamsDto {
  @ApiProperty({ description: 'The care-team user (token subject)', example: 'user-care-manager' })
  @Matches(ID_PATTERN, { message: 'userId must be an identifier' })
  userId!: string;
}

export class QuietHoursDto {
  @ApiProperty({ example: '22:00', description: 'HH:mm, local time' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start must be HH:mm' })
  start!: string;

  @ApiProperty({ example: '07:00', description: 'HH:mm, local time; may be before start (overnight)' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'end must be HH:mm' })
  end!: string;

  @ApiProperty({ example: 'America/New_York', description: 'IANA time zone' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;
}

export class PutRecipientDto {
  @ApiPropertyOptional({ example: 'care.manager@example.org' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+15555550100', description: 'E.164' })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phone must be an E.164 phone number' })
  phone?: string;

  @ApiProperty({ enum: RECIPIENT_CHANNELS })
  @IsIn(RECIPIENT_CHANNELS)
  preferredChannel!: RecipientChannel;

  @ApiProperty({ example: 'en', description: 'BCP 47 language tag' })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'language must be a BCP 47 language tag such as en or es-MX' })
  language!: string;

  @ApiPropertyOptional({ type: QuietHoursDto, description: 'Non-urgent messages wait until they end' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto;
}
