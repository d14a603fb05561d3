import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFERRAL_SOURCES, ReferralSource } from '@careloop/contracts';
import { Referral } from '../schemas/referral.schema';
import { ReasonCodeDto } from './record-referral.dto';

export class ReferralViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: REFERRAL_SOURCES }) source!: ReferralSource;
  @ApiPropertyOptional({ type: ReasonCodeDto }) reasonCode?: ReasonCodeDto;
  @ApiPropertyOptional({ description: 'Free text for the care team (intake only)' }) note?: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ description: 'Subject of the user who recorded it' }) recordedBy!: string;
}

export function toReferralView(r: Referral): ReferralViewDto {
  return {
    id: r._id,
    clientId: r.clientId,
    source: r.source,
    reasonCode: r.reasonCode,
    note: r.note,
    receivedAt: new Date(r.receivedAt).toISOString(),
    recordedBy: r.recordedBy,
  };
}
