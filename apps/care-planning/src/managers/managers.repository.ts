import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ManagerRole } from '@careloop/contracts';
import { isDuplicateKeyError } from '@careloop/persistence';
import { Model } from 'mongoose';
import { ManagerAvailability } from '../domain/routing';
import { Manager } from './schemas/manager.schema';

export interface ManagerChanges {
  readonly role: ManagerRole;
  readonly active: boolean;
  readonly languages?: readonly string[];
}

export type ManagerUpsertOutcome = 'saved' | 'role-change-with-open-cases';

const VIEW_PROJECTION = { openCaseIds: 0 } as const;

@Injectable()
export class ManagersRepository {
  constructor(@InjectModel(Manager.name) private readonly managers: Model<Manager>) {}

  /**
   * Creates or updates a manager in one conditional upsert. A manager who still holds open cases keeps their role:
   * the filter then matches nothing, the upsert collides with the existing document on the unique index, and the
   * change is refused without a read-then-write race.
   */
  async upsert(tenantId: string, managerId: string, changes: ManagerChanges): Promise<ManagerUpsertOutcome> {
    try {
      await this.managers.updateOne(
        { tenantId, managerId, $or: [{ role: changes.role }, { openCaseCount: 0 }] },
        {
          $set: {
            role: changes.role,
            active: changes.active,
            ...(changes.languages ? { languages: [...changes.languages] } : {}),
          },
          $setOnInsert: {
            tenantId,
            managerId,
            openCaseCount: 0,
            openCaseIds: [],
            ...(changes.languages ? {} : { languages: [] }),
          },
        },
        { upsert: true },
      );
      return 'saved';
    } catch (err) {
      if (isDuplicateKeyError(err, 'manager_per_tenant')) return 'role-change-with-open-cases';
      throw err;
    }
  }

  async find(tenantId: string, managerId: string): Promise<Manager | null> {
    return this.managers.findOne({ tenantId, managerId }, VIEW_PROJECTION).lean<Manager>();
  }

  async list(tenantId: string, filter: { role?: ManagerRole; active?: boolean } = {}): Promise<Manager[]> {
    return this.managers
      .find({ tenantId, ...(filter.role ? { role: filter.role } : {}), ...(filter.active !== undefined ? { active: filter.active } : {}) }, VIEW_PROJECTION)
      .sort({ role: 1, managerId: 1 })
      .limit(1000)
      .lean<Manager[]>();
  }

  /** What routing needs to choose an assignee: every manager of the tenant with their current caseload. */
  async availability(tenantId: string): Promise<ManagerAvailability[]> {
    const found = await this.managers
      .find({ tenantId }, { managerId: 1, role: 1, active: 1, languages: 1, openCaseCount: 1 })
      .limit(5000)
      .lean<Manager[]>();
    return found.map((m) => ({
      managerId: m.managerId,
      role: m.role,
      active: m.active,
      openCaseCount: m.openCaseCount,
      languages: m.languages ?? [],
    }));
  }

  /** Counts an open case once: repeated for the same case, the filter matches nothing. */
  async countCase(tenantId: string, managerId: string, caseId: string): Promise<boolean> {
    const result = await this.managers.updateOne(
      { tenantId, managerId, openCaseIds: { $ne: caseId } },
      { $push: { openCaseIds: caseId }, $inc: { openCaseCount: 1 } },
    );
    return result.modifiedCount === 1;
  }

  /** Releases a case once: only a manager still counting it is changed. */
  async releaseCase(tenantId: string, managerId: string, caseId: string): Promise<boolean> {
    const result = await this.managers.updateOne(
      { tenantId, managerId, openCaseIds: caseId },
      { $pull: { openCaseIds: caseId }, $inc: { openCaseCount: -1 } },
    );
    return result.modifiedCount === 1;
  }
}
