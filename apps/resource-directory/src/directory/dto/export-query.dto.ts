import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class ExportQueryDto {
  @ApiPropertyOptional({ description: 'Only this organization (HSDS organization_id)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'organizationId must be an identifier' })
  organizationId?: string;
}
