import { ApiProperty } from '@nestjs/swagger';
import { MANAGER_ROLES, ManagerRole } from '@careloop/contracts';
import { Manager } from '../schemas/manager.schema';

export class ManagerView {
  @ApiProperty({ description: "The manager's user id (token subject)" }) managerId!: string;
  @ApiProperty({ enum: MANAGER_ROLES }) role!: ManagerRole;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ description: 'Open cases currently assigned' }) openCaseCount!: number;
}

export function toManagerView(m: Manager): ManagerView {
  return { managerId: m.managerId, role: m.role, active: m.active, languages: m.languages ?? [], openCaseCount: m.openCaseCount };
}
