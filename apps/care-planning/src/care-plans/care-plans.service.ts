import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Roles } from '@careloop/contracts';
import { ENV } from '@careloop/observability';
import { RequestValidationError } from '@careloop/runtime';
import { AuditService, Principal } from '@careloop/security';
import { actorIdOf } from '../common/identifiers';
import { CarePlanningEnv } from '../config/care-planning.env';
import { worklist } from '../domain/care-plan';
import { CareRecord } from './care-record';
import { NotTaskOwnerError, changeGoal, changeTaskStatus } from './care-record-changes';
import { CareRecordWriter } from './care-record-writer.service';
import { CareRecordsRepository } from './care-records.repository';
import { toHttpError } from './care-plan-http-errors';
import { ChangeGoalStatusDto } from './dto/change-goal-status.dto';
import { ChangeTaskStatusDto } from './dto/change-task-status.dto';
import {
  CarePlanView,
  GoalChangeView,
  TaskChangeView,
  WorklistItemView,
  toCarePlanView,
  toTaskView,
  toWorklistItemView,
} from './dto/care-plan-views.dto';

export function isSupervisor(principal: Principal): boolean {
  return principal.roles.includes(Roles.Supervisor);
}

@Injectable()
export class CarePlansService {
  constructor(
    private readonly records: CareRecordsRepository,
    private readonly writer: CareRecordWriter,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: CarePlanningEnv,
  ) {}

  async getForClient(principal: Principal, clientId: string): Promise<CarePlanView> {
    const found = await this.records.findWithHistory(principal.tenantId, clientId);
    // Another tenant's plan is indistinguishable from a missing one.
    if (!found) throw new NotFoundException('Care plan not found');
    await this.audit.record({ action: 'read', resourceType: 'CarePlan', resourceId: found.record.carePlanId, clientId });
    return toCarePlanView(found.record, found.history);
  }

  async changeGoal(principal: Principal, carePlanId: string, goalId: string, dto: ChangeGoalStatusDto): Promise<GoalChangeView> {
    const actor = actorIdOf(principal.subject);
    const record = await this.writer
      .mutate(
        () => this.records.findByPlanId(principal.tenantId, carePlanId),
        (current) => changeGoal(current, goalId, dto.status, dto.achievementStatus, actor, new Date()),
        actor,
      )
      .catch((err: unknown) => Promise.reject(toHttpError(err)));
    if (!record) throw new NotFoundException('Care plan not found');
    await this.audit.record({
      action: 'update',
      resourceType: 'Goal',
      resourceId: goalId,
      clientId: record.clientId,
      ...(dto.reason ? { reason: dto.reason } : {}),
    });
    const goal = record.goals.find((g) => g.goalId === goalId);
    if (!goal) throw new NotFoundException('Goal not found');
    return { carePlanId: record.carePlanId, version: record.version, goal };
  }

  async changeTask(principal: Principal, taskId: string, dto: ChangeTaskStatusDto): Promise<TaskChangeView> {
    const actor = actorIdOf(principal.subject);
    let record: CareRecord | null;
    try {
      record = await this.writer.mutate(
        () => this.records.findByTaskId(principal.tenantId, taskId),
        (current) => changeTaskStatus(current, taskId, dto.status, { id: actor, mayActForOthers: isSupervisor(principal) }, new Date()),
        actor,
      );
    } catch (err) {
      if (err instanceof NotTaskOwnerError) {
        await this.audit.record({ action: 'access-denied', resourceType: 'Task', resourceId: taskId, outcome: 'denied' });
      }
      throw toHttpError(err);
    }
    if (!record) throw new NotFoundException('Task not found');
    await this.audit.record({ action: 'update', resourceType: 'Task', resourceId: taskId, clientId: record.clientId });
    const task = record.tasks.find((t) => t.taskId === taskId);
    if (!task) throw new NotFoundException('Task not found');
    return { carePlanId: record.carePlanId, version: record.version, task: toTaskView(task) };
  }

  /** Open tasks of one manager across their clients, overdue first (see `worklist`). */
  async worklist(principal: Principal, managerId: string | undefined): Promise<WorklistItemView[]> {
    const own = actorIdOf(principal.subject);
    if (!isSupervisor(principal) && managerId !== undefined && managerId !== own) {
      await this.audit.record({ action: 'access-denied', resourceType: 'Worklist', resourceId: managerId, outcome: 'denied' });
      throw new ForbiddenException("Only supervisors see another manager's worklist");
    }
    const whose = managerId ?? (isSupervisor(principal) ? undefined : own);
    if (!whose) throw new RequestValidationError([{ field: 'managerId', messages: ['managerId is required for a supervisor'] }]);
    const tasks = await this.records.openTasksOf(principal.tenantId, whose);
    await this.audit.record({ action: 'search', resourceType: 'Worklist', resourceId: whose });
    return worklist(tasks, whose, new Date(), this.env.CARE_TEAM_TIME_ZONE).map(toWorklistItemView);
  }
}
