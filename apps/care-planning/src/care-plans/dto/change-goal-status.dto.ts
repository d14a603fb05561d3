import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { GOAL_ACHIEVEMENT_STATUSES, GOAL_LIFECYCLE_STATUSES, GoalAchievementStatus, GoalLifecycleStatus } from '@careloop/contracts';

export class ChangeGoalStatusDto {
  @ApiProperty({ enum: GOAL_LIFECYCLE_STATUSES, description: 'FHIR Goal.lifecycleStatus; the current status with an achievementStatus records progress' })
  @IsIn(GOAL_LIFECYCLE_STATUSES)
  status!: GoalLifecycleStatus;

  @ApiPropertyOptional({ enum: GOAL_ACHIEVEMENT_STATUSES })
  @IsOptional()
  @IsIn(GOAL_ACHIEVEMENT_STATUSES)
  achievementStatus?: GoalAchievementStatus;

  @ApiPropertyOptional({ description: 'Why; kept in the audit trail', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason?: string;
}
