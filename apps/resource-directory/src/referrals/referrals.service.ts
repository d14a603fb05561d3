import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ReferralStatusChanged } from '@careloop/contracts';
import { EventFactory } from '@careloop/messaging';
import { RequestValidationError, type FieldError } from '@careloop/runtime';
import { AuditService, type Principal } from '@careloop/security';
import type { FilterQuery } from 'mongoose';
import {
  assertReferralStatusChange,
  ReferralTransitionError,
  transitionDetailProblems,
  type ReferralActor,
} from './domain/referral-state-machine';
import type { ChangeReferralStatusDto } from './dto/change-referral-status.dto';
import type { ListReferralsQueryDto } from './dto/list-referrals.query.dto';
import type { ReferralPageDto, ReferralViewDto } from './dto/referral-view.dto';
import { actorFor, mayRead, readerOf, type ReferralReader } from './referral-access';
import { toReferralView } from './referral-view';
import { ReferralsRepository, type StatusChange } from './referrals.repository';
import type { Referral } from './schemas/referral.schema';

const NOT_FOUND = 'Referral not found';

/** Reads and status changes of outbound referrals over HTTP; every one is audited, since each concerns a client. */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly repository: ReferralsRepository,
    private readonly events: EventFactory,
    private readonly audit: AuditService,
  ) {}

  async get(principal: Principal, id: string): Promise<ReferralViewDto> {
    const reader = readerOf(principal);
    const referral = await this.readable(principal, reader, id);
    await this.audit.record({ action: 'read', resourceType: 'Referral', resourceId: id, clientId: referral.clientId });
    return toReferralView(referral, reader);
  }

  async list(principal: Principal, query: ListReferralsQueryDto): Promise<ReferralPageDto> {
    const reader = readerOf(principal);
    const filter: FilterQuery<Referral> = { tenantId: principal.tenantId };
    if (reader.kind === 'organization') {
      filter.selectedOrganizationId = reader.organizationId;
    } else if (query.clientId) {
      filter.clientId = query.clientId;
    } else if (reader.kind === 'care-team' && reader.clientScoped) {
      throw new RequestValidationError([{ field: 'clientId', messages: ['clientId is required for this role'] }]);
    }
    if (query.status) filter.status = query.status;
    const page = query.page ?? 1;
    const perPage = query.perPage ?? 20;
    const { items, total } = await this.repository.list(filter, (page - 1) * perPage, perPage);

    // One audit event per client record shown: the trail must answer "who saw this client's referrals".
    await Promise.all(
      items.map((referral) =>
        this.audit.record({ action: 'read', resourceType: 'Referral', resourceId: referral._id, clientId: referral.clientId }),
      ),
    );
    if (items.length === 0 && filter.clientId) {
      await this.audit.record({ action: 'search', resourceType: 'Referral', resourceId: `client:${query.clientId}`, clientId: query.clientId });
    }
    return { items: items.map((referral) => toReferralView(referral, reader)), page, perPage, total };
  }

  async changeStatus(principal: Principal, id: string, dto: ChangeReferralStatusDto): Promise<ReferralViewDto> {
    const reader = readerOf(principal);
    const referral = await this.readable(principal, reader, id);
    const actor = actorFor(reader, dto.status);
    if (!actor) throw new ForbiddenException('Not allowed to change referrals');
    if (dto.expectedVersion !== undefined && dto.expectedVersion !== referral.version) {
      throw new ConflictException('The referral was changed since it was read; read it again and retry');
    }
    const statusReason = dto.statusReason?.trim() || undefined;
    checkChange(referral, actor, dto, statusReason);

    const changedAt = new Date();
    const change: StatusChange = {
      set: {
        status: dto.status,
        ...(statusReason !== undefined ? { statusReason } : {}),
        ...(dto.outcome !== undefined ? { outcome: dto.outcome } : {}),
      },
      unset: [...(statusReason === undefined ? (['statusReason'] as const) : []), ...(dto.outcome === undefined ? (['outcome'] as const) : [])],
      entry: {
        from: referral.status,
        status: dto.status,
        ...(statusReason !== undefined ? { statusReason } : {}),
        ...(dto.outcome !== undefined ? { outcome: dto.outcome } : {}),
        changedBy: actor,
        changedBySubject: principal.subject,
        changedAt,
      },
    };
    const event = this.events.create(ReferralStatusChanged, {
      referralId: referral._id,
      clientId: referral.clientId,
      ...(referral.selectedServiceId !== undefined ? { serviceId: referral.selectedServiceId } : {}),
      ...(referral.selectedOrganizationId !== undefined ? { organizationId: referral.selectedOrganizationId } : {}),
      needCategory: referral.needCategory,
      from: referral.status,
      status: dto.status,
      ...(statusReason !== undefined ? { statusReason } : {}),
      ...(dto.outcome !== undefined ? { outcome: dto.outcome } : {}),
      changedBy: actor,
      changedAt: changedAt.toISOString(),
    });
    const changed = await this.repository.changeStatus(principal.tenantId, id, referral.version, change, [event]);
    if (!changed) throw new ConflictException('The referral was changed concurrently; read it again and retry');
    await this.audit.record({
      action: 'update',
      resourceType: 'Referral',
      resourceId: id,
      clientId: referral.clientId,
      reason: `status:${dto.status}`,
    });

    const updated: Referral = {
      ...referral,
      status: dto.status,
      version: referral.version + 1,
      statusHistory: [...referral.statusHistory, change.entry],
    };
    delete updated.statusReason;
    delete updated.outcome;
    if (statusReason !== undefined) updated.statusReason = statusReason;
    if (dto.outcome !== undefined) updated.outcome = dto.outcome;
    return toReferralView(updated, reader);
  }

  /** The referral if the reader may see it; otherwise 404, recorded as a denied access when it exists. */
  private async readable(principal: Principal, reader: ReferralReader, id: string): Promise<Referral> {
    const referral = await this.repository.findById(principal.tenantId, id);
    if (!referral) throw new NotFoundException(NOT_FOUND);
    if (!mayRead(reader, referral)) {
      await this.audit.record({ action: 'access-denied', resourceType: 'Referral', resourceId: id, clientId: referral.clientId });
      throw new NotFoundException(NOT_FOUND);
    }
    return referral;
  }
}

/**
 * The lifecycle's verdict as HTTP: a move it forbids is a conflict with the current state (409), a side that may not set
 * the status is refused (403), missing or misplaced details are a bad request (400, per field).
 */
function checkChange(referral: Referral, actor: ReferralActor, dto: ChangeReferralStatusDto, statusReason: string | undefined): void {
  const details = { ...(dto.outcome !== undefined ? { outcome: dto.outcome } : {}), ...(statusReason !== undefined ? { statusReason } : {}) };
  try {
    assertReferralStatusChange(referral.status, dto.status, actor, details);
  } catch (err) {
    if (!(err instanceof ReferralTransitionError)) throw err;
    if (err.code === 'invalid-transition') throw new ConflictException(err.message);
    if (err.code === 'not-allowed-for-actor') throw new ForbiddenException(err.message);
    throw new RequestValidationError(detailFields(transitionDetailProblems(dto.status, details)));
  }
  if (dto.status === 'requested' && !referral.selectedServiceId) {
    throw new ConflictException('The referral has no selected service to request');
  }
}

function detailFields(problems: readonly string[]): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const field = problem.startsWith('statusReason') ? 'statusReason' : 'outcome';
    byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
}
