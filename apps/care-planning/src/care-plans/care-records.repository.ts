import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxEntry, OutboxRelay, WithOutbox } from '@careloop/messaging';
import { isDuplicateKeyError } from '@careloop/persistence';
import { FilterQuery, Model } from 'mongoose';
import { CarePlanTask } from '../domain/care-plan';
import { CareRecord, CaseRecord, PlanVersionEntry } from './care-record';
import { CareRecordEntity } from './schemas/care-record.schema';

type StoredRecord = CareRecordEntity & WithOutbox;

/** What decisions read: the record without its outbox and history (both only grow). */
const WORKING_SET = { outbox: 0, outboxLeaseUntil: 0, history: 0 } as const;
const OPEN_TASK_STATUSES = ['open', 'in-progress'];
/** A manager's or a supervisor's list is a working view, not an export. */
const MAX_RECORDS_PER_QUERY = 500;

export interface CasesOfClient {
  readonly carePlanId: string;
  readonly clientId: string;
  readonly cases: readonly CaseRecord[];
}

function toRecord(doc: CareRecordEntity): CareRecord {
  return {
    carePlanId: doc._id,
    tenantId: doc.tenantId,
    clientId: doc.clientId,
    status: doc.status,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    problems: doc.problems ?? [],
    goals: doc.goals ?? [],
    interventions: doc.interventions ?? [],
    tasks: doc.tasks ?? [],
    careTeam: doc.careTeam ?? [],
    cases: doc.cases ?? [],
    referrals: doc.referrals ?? [],
  };
}

function stateOf(record: CareRecord): Omit<CareRecordEntity, '_id' | 'tenantId' | 'clientId' | 'createdAt' | 'history'> {
  return {
    status: record.status,
    version: record.version,
    updatedAt: record.updatedAt,
    problems: [...record.problems],
    goals: [...record.goals],
    interventions: [...record.interventions],
    tasks: [...record.tasks],
    careTeam: [...record.careTeam],
    cases: [...record.cases],
    referrals: [...record.referrals],
  };
}

@Injectable()
export class CareRecordsRepository {
  constructor(
    @InjectModel(CareRecordEntity.name) private readonly records: Model<StoredRecord>,
    private readonly relay: OutboxRelay,
  ) {}

  private async findOne(filter: FilterQuery<StoredRecord>): Promise<CareRecord | null> {
    const doc = await this.records.findOne(filter, WORKING_SET).lean<CareRecordEntity>();
    return doc ? toRecord(doc) : null;
  }

  findByClient(tenantId: string, clientId: string): Promise<CareRecord | null> {
    return this.findOne({ tenantId, clientId });
  }

  findByPlanId(tenantId: string, carePlanId: string): Promise<CareRecord | null> {
    return this.findOne({ tenantId, _id: carePlanId });
  }

  findByCaseId(tenantId: string, caseId: string): Promise<CareRecord | null> {
    return this.findOne({ tenantId, 'cases.caseId': caseId });
  }

  findByTaskId(tenantId: string, taskId: string): Promise<CareRecord | null> {
    return this.findOne({ tenantId, 'tasks.taskId': taskId });
  }

  findByReferral(tenantId: string, clientId: string, referralId: string): Promise<CareRecord | null> {
    return this.findOne({ tenantId, clientId, 'referrals.referralId': referralId });
  }

  /** The record with its history, for reading the plan. */
  async findWithHistory(tenantId: string, clientId: string): Promise<{ record: CareRecord; history: PlanVersionEntry[] } | null> {
    const doc = await this.records.findOne({ tenantId, clientId }, { outbox: 0, outboxLeaseUntil: 0 }).lean<CareRecordEntity>();
    return doc ? { record: toRecord(doc), history: doc.history ?? [] } : null;
  }

  /**
   * Stores a new client's record with its first version entry and its events in one insert. False when another
   * writer created the client's record first (unique per client): the caller reloads and decides again.
   */
  async insert(record: CareRecord, entry: PlanVersionEntry, events: OutboxEntry[]): Promise<boolean> {
    try {
      await this.records.create({
        _id: record.carePlanId,
        tenantId: record.tenantId,
        clientId: record.clientId,
        createdAt: record.createdAt,
        ...stateOf(record),
        history: [entry],
        outbox: events,
      });
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
    this.relay.kick();
    return true;
  }

  /**
   * Replaces the record's state, appends its version entry and its events in one conditional update. False when the
   * version moved since it was read (a concurrent change): the caller reloads and decides again.
   */
  async update(record: CareRecord, expectedVersion: number, entry: PlanVersionEntry, events: OutboxEntry[]): Promise<boolean> {
    const result = await this.records.updateOne(
      { tenantId: record.tenantId, _id: record.carePlanId, version: expectedVersion },
      { $set: stateOf(record), $push: { history: entry, outbox: { $each: events } } },
    );
    if (result.modifiedCount !== 1) return false;
    if (events.length > 0) this.relay.kick();
    return true;
  }

  /** Clients with an open case held by `assigneeId`, or (unassigned) waiting for a manager. */
  async findCases(tenantId: string, filter: { assigneeId: string } | { unassigned: true }): Promise<CasesOfClient[]> {
    const match = 'assigneeId' in filter ? { assigneeId: filter.assigneeId, status: 'open' } : { assigned: false, status: 'open' };
    const docs = await this.records
      .find({ tenantId, cases: { $elemMatch: match } }, { clientId: 1, cases: 1 })
      .sort({ updatedAt: -1 })
      .limit(MAX_RECORDS_PER_QUERY)
      .lean<Array<Pick<CareRecordEntity, '_id' | 'clientId' | 'cases'>>>();
    return docs.map((d) => ({ carePlanId: d._id, clientId: d.clientId, cases: d.cases ?? [] }));
  }

  /** Every open task owned by a manager, across the tenant's plans (the worklist's input). */
  async openTasksOf(tenantId: string, ownerId: string): Promise<CarePlanTask[]> {
    const docs = await this.records
      .find({ tenantId, tasks: { $elemMatch: { ownerId, status: { $in: OPEN_TASK_STATUSES } } } }, { tasks: 1 })
      .limit(MAX_RECORDS_PER_QUERY)
      .lean<Array<Pick<CareRecordEntity, 'tasks'>>>();
    return docs.flatMap((d) => (d.tasks ?? []).filter((t) => t.ownerId === ownerId && OPEN_TASK_STATUSES.includes(t.status)));
  }
}
