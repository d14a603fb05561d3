import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { HsdsImportRecordKind } from '../domain/hsds-import';

export class ImportRejectionDto {
  @ApiProperty({ enum: ['document', 'organization', 'service'] }) kind!: HsdsImportRecordKind;
  @ApiProperty({ description: "The organization's position in `organizations` (-1 for the document itself)" }) index!: number;
  @ApiPropertyOptional({ description: "The refused record's id, when it has a usable one" }) id?: string;
  @ApiPropertyOptional({ description: 'For a refused service: its organization' }) organizationId?: string;
  @ApiPropertyOptional({ description: "For a refused service: its position in the organization's `services`" })
  serviceIndex?: number;
  @ApiProperty({ type: [String], description: 'Field path and rule of each problem (values are never echoed)' })
  reasons!: string[];
}

export class ImportCountsDto {
  @ApiProperty() organizations!: number;
  @ApiProperty() acceptedOrganizations!: number;
  @ApiProperty() services!: number;
  @ApiProperty() acceptedServices!: number;
}

export class ImportResultDto {
  @ApiProperty({ description: 'Services stored (inserted or replaced by id)' }) imported!: number;
  @ApiProperty({ type: [ImportRejectionDto] }) rejected!: ImportRejectionDto[];
  @ApiProperty({ type: ImportCountsDto }) counts!: ImportCountsDto;
}
