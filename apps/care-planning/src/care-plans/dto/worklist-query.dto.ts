import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '../../common/identifiers';

export class WorklistQueryDto {
  @ApiPropertyOptional({ description: "Whose worklist; a manager's own by default. Supervisors name any manager." })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `managerId ${ID_MESSAGE}` })
  managerId?: string;
}
