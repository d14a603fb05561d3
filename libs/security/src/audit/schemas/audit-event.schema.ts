import { Schema } from 'mongoose';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, AuditEvent } from '../audit-event';

export const AUDIT_EVENT_MODEL = 'AuditEvent';
export const AUDIT_EVENTS_COLLECTION = 'audit_events';

const ActorSchema = new Schema(
  {
    subject: { type: String, required: true },
    roles: { type: [String], default: [] },
    organizationId: { type: String },
    partnerId: { type: String },
  },
  { _id: false },
);

export const AuditEventSchema = new Schema<AuditEvent>(
  {
    tenantId: { type: String, required: true },
    actor: { type: ActorSchema, required: true },
    action: { type: String, required: true, enum: AUDIT_ACTIONS },
    resourceType: { type: String, required: true },
    resourceId: { type: String, required: true },
    clientId: { type: String },
    reason: { type: String },
    outcome: { type: String, required: true, enum: AUDIT_OUTCOMES },
    correlationId: { type: String },
    at: { type: Date, required: true },
  },
  { collection: AUDIT_EVENTS_COLLECTION, versionKey: false, strict: 'throw' },
);

// A client's history, and a record's history, newest first, always within one tenant.
AuditEventSchema.index({ tenantId: 1, clientId: 1, at: -1 });
AuditEventSchema.index({ tenantId: 1, resourceType: 1, resourceId: 1, at: -1 });
// The plain tenant-wide listing of GET /audit.
AuditEventSchema.index({ tenantId: 1, at: -1 });

// Append-only through the application: an audit trail that can be edited proves nothing.
const refuse = (): never => {
  throw new Error('Audit events are append-only');
};
AuditEventSchema.pre(
  ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace', 'deleteOne', 'deleteMany', 'findOneAndDelete'],
  refuse,
);
