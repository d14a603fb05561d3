import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Recipient } from '../schemas/recipient.schema';
import { QuietHoursDto, RECIPIENT_CHANNELS, RecipientChannel } from './put-recipient.dto';

export class RecipientViewDto {
  @ApiProperty() userId!: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() phone?: string;
  @ApiProperty({ enum: RECIPIENT_CHANNELS }) preferredChannel!: RecipientChannel;
  @ApiProperty() language!: string;
  @ApiPropertyOptional({ type: QuietHoursDto }) quietHours?: QuietHoursDto;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Subject of the user who last changed it' }) updatedBy!: string;
}

export function toRecipientView(r: Recipient): RecipientViewDto {
  return {
    userId: r.userId,
    ...(r.email ? { email: r.email } : {}),
    ...(r.phone ? { phone: r.phone } : {}),
    preferredChannel: r.preferredChannel as RecipientChannel,
    language: r.language,
    ...(r.quietHours ? { quietHours: { start: r.quietHours.start, end: r.quietHours.end, timeZone: r.quietHours.timeZone } } : {}),
    updatedAt: new Date(r.updatedAt ?? Date.now()).toISOString(),
    updatedBy: r.updatedBy,
  };
}
