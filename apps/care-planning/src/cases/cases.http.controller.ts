import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '@careloop/contracts';
import { CurrentPrincipal, Principal, Roles as AllowRoles } from '@careloop/security';
import { ParseIdPipe } from '../common/identifiers';
import { CasesService } from './cases.service';
import { CaseView } from './dto/case-view.dto';
import { ListCasesQueryDto } from './dto/list-cases-query.dto';
import { ReassignCaseDto } from './dto/reassign-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'The caller lacks the role' })
@Controller('cases')
export class CasesHttpController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @AllowRoles(Roles.CareManager, Roles.CaseManager, Roles.Supervisor, Roles.Admin)
  @ApiOperation({ summary: "Open cases of a manager (a manager's own by default), or those waiting for one (unassigned=true)" })
  @ApiOkResponse({ type: [CaseView] })
  @ApiBadRequestResponse({ description: 'Field-level validation errors' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListCasesQueryDto): Promise<CaseView[]> {
    return this.cases.list(principal, query);
  }

  @Post(':caseId/reassign')
  @HttpCode(200)
  @AllowRoles(Roles.Supervisor)
  @ApiOperation({ summary: 'Hand a case and its open tasks to another manager of its role (emits CaseAssigned)' })
  @ApiOkResponse({ type: CaseView })
  @ApiBadRequestResponse({ description: 'Field-level validation errors, or an assignee who cannot take the case' })
  @ApiNotFoundResponse({ description: 'Unknown case' })
  @ApiConflictResponse({ description: 'The case is closed, or changed concurrently' })
  reassign(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() dto: ReassignCaseDto,
  ): Promise<CaseView> {
    return this.cases.reassign(principal, caseId, dto);
  }
}
