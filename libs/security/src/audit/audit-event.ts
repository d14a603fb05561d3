export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'search', 'export', 'access-denied'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What a caller states; who, when, the tenant and the correlation come from the request context. */
export interface AuditEntry {
  action: AuditAction;
  resourceType: string;
  resourceId: string;
  clientId?: string;
  reason?: string;
  outcome?: AuditOutcome;
}

export interface AuditActor {
  subject: string;
  roles: string[];
  organizationId?: string;
  partnerId?: string;
}

/** One stored audit event (HIPAA 164.312(b)): who did what to which record, why, and when. */
export interface AuditEvent {
  tenantId: string;
  actor: AuditActor;
  action: AuditAction;
  resourceType: string;
  resourceId: string;
  clientId?: string;
  reason?: string;
  outcome: AuditOutcome;
  correlationId?: string;
  at: Date;
}
