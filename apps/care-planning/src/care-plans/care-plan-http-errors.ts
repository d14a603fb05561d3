import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { RequestValidationError } from '@careloop/runtime';
import { GoalNotFoundError, GoalTransitionError } from '../domain/care-plan';
import {
  CaseClosedError,
  CaseNotFoundError,
  InvalidAssigneeError,
  NotTaskOwnerError,
  TaskNotFoundError,
  TaskTransitionError,
} from './care-record-changes';
import { ConcurrentChangeError } from './care-record-writer.service';

const ASSIGNEE_MESSAGES: Record<InvalidAssigneeError['problem'], string> = {
  'unknown-manager': 'assigneeId is not a manager of the roster',
  'inactive-manager': 'assigneeId is an inactive manager',
  'wrong-role': "assigneeId's role differs from the case's role",
};

/** Domain refusals as HTTP answers; their messages carry ids and statuses only. Anything else passes through. */
export function toHttpError(err: unknown): unknown {
  if (err instanceof GoalTransitionError || err instanceof TaskTransitionError || err instanceof CaseClosedError) {
    return new ConflictException(err.message);
  }
  if (err instanceof ConcurrentChangeError) return new ConflictException(err.message);
  if (err instanceof GoalNotFoundError || err instanceof TaskNotFoundError || err instanceof CaseNotFoundError) {
    return new NotFoundException(err.message);
  }
  if (err instanceof NotTaskOwnerError) return new ForbiddenException('Only the task owner or a supervisor may change it');
  if (err instanceof InvalidAssigneeError) {
    return new RequestValidationError([{ field: 'assigneeId', messages: [ASSIGNEE_MESSAGES[err.problem]] }]);
  }
  return err;
}
