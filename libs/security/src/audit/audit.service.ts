import { RequestContext } from '@careloop/observability';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { AuditEntry, AuditEvent } from './audit-event';
import { AUDIT_EVENT_MODEL } from './schemas/audit-event.schema';

export const SYSTEM_ACTOR = 'system';

export interface AuditSearch {
  clientId?: string;
  resourceType?: string;
  resourceId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  page: number;
  perPage: number;
}

export interface StoredAuditEvent extends AuditEvent {
  id: string;
}

export interface AuditPage {
  items: StoredAuditEvent[];
  page: number;
  perPage: number;
  total: number;
}

/**
 * Writes and reads the audit trail. `record` takes who, tenant, correlation and the stated
 * purpose from the RequestContext (set by AuthGuard). It resolves only once the event is stored:
 * await it before answering, so a request whose access cannot be recorded fails.
 */
@Injectable()
export class AuditService {
  constructor(@InjectModel(AUDIT_EVENT_MODEL) private readonly events: Model<AuditEvent>) {}

  async record(entry: AuditEntry): Promise<void> {
    const context = RequestContext.current();
    const principal = context?.principal;
    const tenantId = principal?.tenantId ?? context?.tenantId;
    if (!tenantId) throw new Error('Cannot write an audit event outside a tenant context');
    const event: AuditEvent = {
      tenantId,
      // Without a principal (a consumer acting on an event) the platform itself is the actor.
      actor: principal
        ? {
            subject: principal.subject,
            roles: [...principal.roles],
            ...(principal.organizationId ? { organizationId: principal.organizationId } : {}),
            ...(principal.partnerId ? { partnerId: principal.partnerId } : {}),
          }
        : { subject: SYSTEM_ACTOR, roles: [] },
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      outcome: entry.outcome ?? (entry.action === 'access-denied' ? 'denied' : 'success'),
      at: new Date(),
    };
    const reason = entry.reason ?? context?.purposeOfUse;
    if (entry.clientId) event.clientId = entry.clientId;
    if (reason) event.reason = reason;
    if (context?.correlationId) event.correlationId = context.correlationId;
    await this.events.create(event);
  }

  /** Always within one tenant; newest first. */
  async search(tenantId: string, query: AuditSearch): Promise<AuditPage> {
    const filter: FilterQuery<AuditEvent> = { tenantId };
    if (query.clientId) filter.clientId = query.clientId;
    if (query.resourceType) filter.resourceType = query.resourceType;
    if (query.resourceId) filter.resourceId = query.resourceId;
    if (query.actor) filter['actor.subject'] = query.actor;
    if (query.from || query.to) {
      filter.at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) };
    }
    const [docs, total] = await Promise.all([
      this.events
        .find(filter)
        .sort({ at: -1, _id: -1 })
        .skip((query.page - 1) * query.perPage)
        .limit(query.perPage)
        .lean()
        .exec(),
      this.events.countDocuments(filter).exec(),
    ]);
    const items = docs.map(({ _id, ...rest }) => ({ id: String(_id), ...rest }));
    return { items, page: query.page, perPage: query.perPage, total };
  }
}
