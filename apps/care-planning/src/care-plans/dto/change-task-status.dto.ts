import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const SETTABLE_TASK_STATUSES = ['in-progress', 'completed', 'cancelled'] as const;
export type SettableTaskStatus = (typeof SETTABLE_TASK_STATUSES)[number];

export class ChangeTaskStatusDto {
  @ApiProperty({ enum: SETTABLE_TASK_STATUSES })
  @IsIn(SETTABLE_TASK_STATUSES)
  status!: SettableTaskStatus;
}
