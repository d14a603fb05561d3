import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { MANAGER_ROLES, ManagerRole } from '@careloop/contracts';
import { HydratedDocument } from 'mongoose';

/**
 * A care or case manager cases can be routed to. `managerId` is the user's token subject, so "my worklist" is the
 * caller's own. The caseload lives here: `openCaseIds` names the open cases counted, so counting or releasing a case
 * is one conditional update that is a no-op when repeated (`openCaseCount` is its size, kept for sorting and reading).
 */
@Schema({ collection: 'managers', versionKey: false, timestamps: true })
export class Manager {
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) managerId!: string;
  @Prop({ type: String, required: true, enum: MANAGER_ROLES }) role!: ManagerRole;
  @Prop({ required: true }) active!: boolean;
  @Prop({ type: [String], default: [] }) languages!: string[];
  @Prop({ required: true, default: 0 }) openCaseCount!: number;
  @Prop({ type: [String], default: [] }) openCaseIds!: string[];
  createdAt?: Date;
  updatedAt?: Date;
}

export type ManagerDocument = HydratedDocument<Manager>;
export const ManagerSchema = SchemaFactory.createForClass(Manager);
ManagerSchema.index({ tenantId: 1, managerId: 1 }, { unique: true, name: 'manager_per_tenant' });
ManagerSchema.index({ tenantId: 1, role: 1, active: 1 });
