import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { MANAGER_ROLES, ManagerRole } from '@careloop/contracts';

export class PutManagerDto {
  @ApiProperty({ enum: MANAGER_ROLES })
  @IsIn(MANAGER_ROLES)
  role!: ManagerRole;

  @ApiProperty({ description: 'Inactive managers keep their cases but receive no new ones' })
  @IsBoolean()
  active!: boolean;

  @ApiPropertyOptional({ type: [String], example: ['en', 'es'], description: 'BCP 47 tags; break caseload ties' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { each: true, message: 'each language must be a BCP 47 tag such as en or es-MX' })
  languages?: string[];
}
