import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MANAGER_ROLES, ManagerRole } from '@careloop/contracts';
import { CaseAssignment, CaseRecord, CaseStatus } from '../../care-plans/care-record';

export class CaseView {
  @ApiProperty() caseId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty() carePlanId!: string;
  @ApiProperty({ enum: MANAGER_ROLES }) role!: ManagerRole;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: CaseStatus;
  @ApiPropertyOptional({ description: 'Absent while waiting for a manager' }) assigneeId?: string;
  @ApiProperty({ type: [String] }) needIds!: string[];
  @ApiProperty({ type: [String], description: 'Why the needs went to this role (clinical-need, community-resource-need, ...)' })
  routingReasons!: string[];
  @ApiProperty({ example: 'caseload-balance', description: 'Why the case sits where it is (or no-manager-available)' })
  reason!: string;
  @ApiProperty() urgent!: boolean;
  @ApiProperty() openedAt!: string;
  @ApiPropertyOptional() assignedAt?: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: [Object], description: 'Who held the case and when' }) assignments!: CaseAssignment[];
}

export function toCaseView(c: CaseRecord, clientId: string, carePlanId: string): CaseView {
  const { assigned: _assigned, ...rest } = c;
  return { ...rest, clientId, carePlanId, needIds: [...c.needIds], routingReasons: [...c.routingReasons], assignments: [...c.assignments] };
}
