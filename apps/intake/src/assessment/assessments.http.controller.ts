import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '@careloop/contracts';
import { CurrentPrincipal, Principal, Roles as AllowRoles } from '@careloop/security';
import { ASSESSMENT_LIST_LIMIT, AssessmentsService } from './assessments.service';
import { AssessmentViewDto } from './dto/assessment-view.dto';
import { SubmitAssessmentDto } from './instruments';

/** Those who screen clients and act on the results; admins and partners see no answers (minimum necessary). */
const ASSESSORS = [Roles.CareManager, Roles.CaseManager, Roles.Provider, Roles.Supervisor];

@ApiTags('assessments')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'The caller has none of the roles: care-manager, case-manager, provider, supervisor' })
@Controller()
export class AssessmentsHttpController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Post('clients/:clientId/assessments')
  @HttpCode(201)
  @AllowRoles(...ASSESSORS)
  @ApiOperation({
    summary: 'Record and score a completed screening',
    description:
      'Validates the answers against the instrument, scores them, identifies coded needs (urgent ones escalate on a ' +
      'single answer) and emits NeedAssessed (needs and result, never the answers), also when nothing is positive.',
  })
  @ApiCreatedResponse({ type: AssessmentViewDto, description: 'The stored assessment with its score and identified needs' })
  @ApiBadRequestResponse({
    description:
      'The body or the answers are invalid for the instrument: `fields` lists each field path with its messages; ' +
      'nothing is stored',
  })
  @ApiNotFoundResponse({ description: 'No such client in the caller\'s tenant' })
  submit(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId', new ParseUUIDPipe()) clientId: string,
    @Body() dto: SubmitAssessmentDto,
  ): Promise<AssessmentViewDto> {
    return this.assessments.submit(principal, clientId, dto);
  }

  @Get('clients/:clientId/assessments')
  @AllowRoles(...ASSESSORS)
  @ApiOperation({ summary: `A client's assessments, newest first (at most ${ASSESSMENT_LIST_LIMIT})` })
  @ApiOkResponse({ type: [AssessmentViewDto], description: "The client's assessments, newest first" })
  @ApiNotFoundResponse({ description: 'No such client in the caller\'s tenant' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId', new ParseUUIDPipe()) clientId: string,
  ): Promise<AssessmentViewDto[]> {
    return this.assessments.listForClient(principal, clientId);
  }

  @Get('assessments/:id')
  @AllowRoles(...ASSESSORS)
  @ApiOperation({ summary: 'One assessment' })
  @ApiOkResponse({ type: AssessmentViewDto, description: 'The assessment with its answers, observations, score and needs' })
  @ApiNotFoundResponse({ description: 'No such assessment in the caller\'s tenant' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<AssessmentViewDto> {
    return this.assessments.get(principal, id);
  }
}
