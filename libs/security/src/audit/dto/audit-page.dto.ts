import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, AuditAction, AuditOutcome } from '../audit-event';

export class AuditActorDto {
  @ApiProperty()
  subject!: string;

  @ApiProperty({ type: [String] })
  roles!: string[];

  @ApiPropertyOptional()
  organizationId?: string;

  @ApiPropertyOptional()
  partnerId?: string;
}

export class AuditEventDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  tenantId!: string;

  @ApiProperty({ type: AuditActorDto })
  actor!: AuditActorDto;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action!: AuditAction;

  @ApiProperty()
  resourceType!: string;

  @ApiProperty()
  resourceId!: string;

  @ApiPropertyOptional()
  clientId?: string;

  @ApiPropertyOptional({ description: 'Stated purpose of use' })
  reason?: string;

  @ApiProperty({ enum: AUDIT_OUTCOMES })
  outcome!: AuditOutcome;

  @ApiPropertyOptional()
  correlationId?: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: Date;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] })
  items!: AuditEventDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  perPage!: number;

  @ApiProperty()
  total!: number;
}
