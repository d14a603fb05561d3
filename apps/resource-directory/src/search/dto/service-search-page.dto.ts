import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAPACITY_STATUSES, NEED_CATEGORIES, type CapacityStatus, type NeedCategory } from '@careloop/contracts';
import { HSDS_SERVICE_STATUSES, type HsdsServiceStatus } from '../../directory/domain/hsds.types';

export class ServiceLocationDto {
  @ApiProperty() id!: string;
  @ApiProperty() latitude!: number;
  @ApiProperty() longitude!: number;
  @ApiPropertyOptional() postalCode?: string;
}

export class ServicePhoneDto {
  @ApiProperty() number!: string;
  @ApiPropertyOptional({ description: 'RFC 6350 type: voice, text, fax ...' }) type?: string;
  @ApiPropertyOptional() description?: string;
}

export class OpeningScheduleDto {
  @ApiPropertyOptional({ enum: ['WEEKLY', 'MONTHLY'] }) freq?: string;
  @ApiPropertyOptional({ example: 'MO,TU,WE' }) byday?: string;
  @ApiPropertyOptional() bymonthday?: string;
  @ApiPropertyOptional({ example: '09:00' }) opens_at?: string;
  @ApiPropertyOptional({ example: '17:00' }) closes_at?: string;
  @ApiPropertyOptional() valid_from?: string;
  @ApiPropertyOptional() valid_to?: string;
}

export class ServiceSummaryDto {
  @ApiProperty({ description: 'HSDS service id' }) id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: HSDS_SERVICE_STATUSES }) status!: HsdsServiceStatus;
  @ApiProperty({ enum: NEED_CATEGORIES, isArray: true }) categoryKeys!: NeedCategory[];
  @ApiProperty({ type: [String] }) taxonomyCodes!: string[];
  @ApiProperty({ type: [String], description: 'BCP 47 tags' }) languages!: string[];
  @ApiProperty() interpretationAvailable!: boolean;
  @ApiPropertyOptional() minimumAge?: number;
  @ApiPropertyOptional() maximumAge?: number;
  @ApiProperty({ enum: CAPACITY_STATUSES }) capacityStatus!: CapacityStatus;
  @ApiProperty({ description: 'False when the feed said nothing and capacityStatus is the default' }) capacityReported!: boolean;
  @ApiProperty({ type: [ServiceLocationDto] }) locations!: ServiceLocationDto[];
  @ApiProperty({ type: [OpeningScheduleDto] }) schedules!: OpeningScheduleDto[];
  @ApiProperty({ type: [ServicePhoneDto] }) phones!: ServicePhoneDto[];
  @ApiPropertyOptional() url?: string;
  @ApiPropertyOptional({ description: 'Distance to the nearest location, km (radius searches only)' }) distanceKm?: number;
}

export class ServiceSearchPageDto {
  @ApiProperty({ type: [ServiceSummaryDto] }) items!: ServiceSummaryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() perPage!: number;
  @ApiProperty({ description: 'Services matching every filter' }) total!: number;
}
