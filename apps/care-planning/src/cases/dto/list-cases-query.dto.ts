import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '../../common/identifiers';

export class ListCasesQueryDto {
  @ApiPropertyOptional({ description: "Whose open cases; a manager's own by default" })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `assigneeId ${ID_MESSAGE}` })
  assigneeId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Open cases waiting for a manager (supervisors and admins)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unassigned?: boolean;
}
