import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
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
import { CarePlansService } from './care-plans.service';
import { ChangeGoalStatusDto } from './dto/change-goal-status.dto';
import { ChangeTaskStatusDto } from './dto/change-task-status.dto';
import { CarePlanView, GoalChangeView, TaskChangeView, WorklistItemView } from './dto/care-plan-views.dto';
import { WorklistQueryDto } from './dto/worklist-query.dto';

const CARE_TEAM = [Roles.CareManager, Roles.CaseManager, Roles.Supervisor, Roles.Provider, Roles.Admin];
const MANAGERS_AND_SUPERVISORS = [Roles.CareManager, Roles.CaseManager, Roles.Supervisor];

@ApiTags('care-plans')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'The caller lacks the role (or, for tasks and worklists, is not the owner)' })
@Controller()
export class CarePlansHttpController {
  constructor(private readonly plans: CarePlansService) {}

  @Get('clients/:clientId/care-plan')
  @AllowRoles(...CARE_TEAM)
  @ApiOperation({ summary: "A client's care plan: problems, goals, interventions, tasks, care team, cases, referrals, history (audited)" })
  @ApiOkResponse({ type: CarePlanView })
  @ApiNotFoundResponse({ description: "No care plan for this client in the caller's tenant" })
  getCarePlan(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseIdPipe) clientId: string): Promise<CarePlanView> {
    return this.plans.getForClient(principal, clientId);
  }

  @Patch('care-plans/:planId/goals/:goalId')
  @AllowRoles(Roles.CareManager, Roles.CaseManager, Roles.Supervisor, Roles.Provider)
  @ApiOperation({ summary: 'Move a goal along the FHIR Goal lifecycle (emits GoalStatusChanged and CarePlanUpdated)' })
  @ApiOkResponse({ type: GoalChangeView })
  @ApiBadRequestResponse({ description: 'Field-level validation errors' })
  @ApiNotFoundResponse({ description: 'Unknown care plan or goal' })
  @ApiConflictResponse({ description: 'The lifecycle does not allow this transition' })
  changeGoal(
    @CurrentPrincipal() principal: Principal,
    @Param('planId', ParseIdPipe) planId: string,
    @Param('goalId', ParseIdPipe) goalId: string,
    @Body() dto: ChangeGoalStatusDto,
  ): Promise<GoalChangeView> {
    return this.plans.changeGoal(principal, planId, goalId, dto);
  }

  @Patch('tasks/:taskId')
  @AllowRoles(...MANAGERS_AND_SUPERVISORS)
  @ApiOperation({ summary: 'Start, complete or cancel a task (its owner, or a supervisor)' })
  @ApiOkResponse({ type: TaskChangeView })
  @ApiBadRequestResponse({ description: 'Field-level validation errors' })
  @ApiNotFoundResponse({ description: 'Unknown task' })
  @ApiConflictResponse({ description: 'The task is already completed or cancelled' })
  changeTask(
    @CurrentPrincipal() principal: Principal,
    @Param('taskId', ParseIdPipe) taskId: string,
    @Body() dto: ChangeTaskStatusDto,
  ): Promise<TaskChangeView> {
    return this.plans.changeTask(principal, taskId, dto);
  }

  @Get('worklist')
  @AllowRoles(...MANAGERS_AND_SUPERVISORS)
  @ApiOperation({ summary: "A manager's open tasks across clients: overdue first, then urgent, then by due date" })
  @ApiOkResponse({ type: [WorklistItemView] })
  @ApiBadRequestResponse({ description: 'Bad managerId, or a supervisor named none' })
  worklist(@CurrentPrincipal() principal: Principal, @Query() query: WorklistQueryDto): Promise<WorklistItemView[]> {
    return this.plans.worklist(principal, query.managerId);
  }
}
