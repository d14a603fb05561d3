import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_BANDS,
  NEED_CATEGORIES,
  REFERRAL_ACTORS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  URGENCIES,
  type AgeBand,
  type NeedCategory,
  type ReferralActor,
  type ReferralOutcome,
  type ReferralStatus,
  type Urgency,
} from '@careloop/contracts';

export class ReferralAreaDto {
  @ApiPropertyOptional() postalCode?: string;
  @ApiPropertyOptional({ description: 'Rounded to about a kilometre; care team only' }) latitude?: number;
  @ApiPropertyOptional({ description: 'Rounded to about a kilometre; care team only' }) longitude?: number;
}

export class ReferralClientContextDto {
  @ApiProperty({ description: 'BCP 47' }) preferredLanguage!: string;
  @ApiProperty({ enum: AGE_BANDS }) ageBand!: AgeBand;
  @ApiPropertyOptional({ type: ReferralAreaDto }) area?: ReferralAreaDto;
}

export class ReferralCandidateDto {
  @ApiProperty() serviceId!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score!: number;
  @ApiPropertyOptional() distanceKm?: number;
  @ApiProperty({ type: [String], description: 'Reason codes that explain the score' }) reasons!: string[];
}

export class ReferralStatusEntryDto {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES }) from?: ReferralStatus;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
  @ApiPropertyOptional() statusReason?: string;
  @ApiPropertyOptional({ enum: REFERRAL_OUTCOMES }) outcome?: ReferralOutcome;
  @ApiProperty({ enum: REFERRAL_ACTORS }) changedBy!: ReferralActor;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
}

/**
 * A referral as its reader may see it. The care team sees the whole record; a receiving organization sees the
 * minimum necessary: the need, the urgency, and (only with the client's consent) language, age band and postal code.
 */
export class ReferralViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Opaque client id; never a name' }) clientId!: string;
  @ApiProperty({ enum: NEED_CATEGORIES }) needCategory!: NeedCategory;
  @ApiProperty({ enum: URGENCIES }) urgency!: Urgency;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
  @ApiPropertyOptional() statusReason?: string;
  @ApiPropertyOptional({ enum: REFERRAL_OUTCOMES }) outcome?: ReferralOutcome;
  @ApiPropertyOptional() selectedServiceId?: string;
  @ApiPropertyOptional() selectedOrganizationId?: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ description: 'Optimistic version; send it back as expectedVersion' }) version!: number;
  @ApiProperty() consentToShare!: boolean;
  @ApiPropertyOptional({ type: ReferralClientContextDto, description: 'Organizations: only with consent, postal code only' })
  client?: ReferralClientContextDto;
  @ApiProperty({ type: [ReferralStatusEntryDto] }) statusHistory!: ReferralStatusEntryDto[];
  @ApiProperty({ enum: REFERRAL_STATUSES, isArray: true, description: 'Statuses this reader may move the referral to' })
  allowedTransitions!: ReferralStatus[];
  @ApiPropertyOptional({ description: 'Care team only' }) carePlanId?: string;
  @ApiPropertyOptional({ description: 'Care team only' }) needId?: string;
  @ApiPropertyOptional({ description: 'Care team only' }) requestedBy?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Care team only' }) matchedAt?: string;
  @ApiPropertyOptional({ type: [ReferralCandidateDto], description: 'Care team only: the ranked services' })
  candidates?: ReferralCandidateDto[];
}

export class ReferralPageDto {
  @ApiProperty({ type: [ReferralViewDto] }) items!: ReferralViewDto[];
  @ApiProperty() page!: number;
  @ApiProperty() perPage!: number;
  @ApiProperty() total!: number;
}
