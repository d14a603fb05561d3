import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '../../common/identifiers';

export class ReassignCaseDto {
  @ApiProperty({ description: "An active manager of the case's role" })
  @Matches(ID_PATTERN, { message: `assigneeId ${ID_MESSAGE}` })
  assigneeId!: string;

  @ApiProperty({ description: 'Why; kept in the audit trail (the event says supervisor-reassignment)', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason!: string;
}
