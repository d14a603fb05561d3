import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { MANAGER_ROLES, ManagerRole } from '@careloop/contracts';

export class ListManagersQueryDto {
  @ApiPropertyOptional({ enum: MANAGER_ROLES })
  @IsOptional()
  @IsIn(MANAGER_ROLES)
  role?: ManagerRole;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
