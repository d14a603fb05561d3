import { Injectable } from '@nestjs/common';
import { CarePlanUpdated, CaseAssigned, GoalStatusChanged, ReferralMade, TaskAssigned } from '@careloop/contracts';
import { EventFactory, EventOptions, OutboxEntry, SafeError } from '@careloop/messaging';
import { derivedId } from '../common/derived-id';
import { CareRecord, Emissions, RecordChange } from './care-record';
import { CareRecordsRepository } from './care-records.repository';

const MAX_ATTEMPTS = 5;

/** The record kept changing under us; safe to say (no data), retried by the consumer, a 409 over HTTP. */
export class ConcurrentChangeError extends SafeError {
  constructor() {
    super('The care plan changed concurrently; retry', 'concurrent-change');
  }
}

export type Attempt<T> = { readonly done: true; readonly value: T } | { readonly done: false };

/** Turns decided changes into one write each: state, version entry and every event of the change together. */
@Injectable()
export class CareRecordWriter {
  constructor(
    private readonly repository: CareRecordsRepository,
    private readonly events: EventFactory,
  ) {}

  /**
   * Stores a change decided from `previous` (undefined: the client's first record). False when the record moved
   * meanwhile. `eventSeed` (the tenant and id of the event being handled) makes the emitted events' ids deterministic,
   * so a change that is somehow decided twice from the same event cannot announce itself under two ids.
   */
  async write(previous: CareRecord | undefined, change: RecordChange, actor: string, eventSeed?: readonly string[]): Promise<boolean> {
    const entries = this.outboxEntries(change.emissions, eventSeed);
    const entry = { version: change.record.version, at: change.record.updatedAt, change: change.change, actor };
    return previous
      ? this.repository.update(change.record, previous.version, entry, entries)
      : this.repository.insert(change.record, entry, entries);
  }

  /** Runs read-decide-write until a write wins (optimistic concurrency on the record's version). */
  async retrying<T>(attempt: () => Promise<Attempt<T>>): Promise<T> {
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const result = await attempt();
      if (result.done) return result.value;
    }
    throw new ConcurrentChangeError();
  }

  /**
   * Read, decide, write with the version check, again on a concurrent change. A decision of "nothing to change" (a
   * retried request) answers with the record as it is; `null` when there is no record to change.
   */
  async mutate(
    load: () => Promise<CareRecord | null>,
    decide: (record: CareRecord) => RecordChange | undefined,
    actor: string,
  ): Promise<CareRecord | null> {
    return this.retrying<CareRecord | null>(async () => {
      const current = await load();
      if (!current) return { done: true, value: null };
      const change = decide(current);
      if (!change) return { done: true, value: current };
      if (!(await this.write(current, change, actor))) return { done: false };
      return { done: true, value: change.record };
    });
  }

  private outboxEntries(e: Emissions, seed: readonly string[] | undefined): OutboxEntry[] {
    const options = (...parts: string[]): EventOptions => (seed ? { id: derivedId(...seed, ...parts) } : {});
    return [
      ...e.caseAssigned.map((d) => this.events.create(CaseAssigned, d, options('CaseAssigned', d.caseId, d.assigneeId))),
      ...(e.goalStatusChanged ? [this.events.create(GoalStatusChanged, e.goalStatusChanged, options('GoalStatusChanged'))] : []),
      ...(e.carePlanUpdated ? [this.events.create(CarePlanUpdated, e.carePlanUpdated, options('CarePlanUpdated'))] : []),
      ...e.taskAssigned.map((d) => this.events.create(TaskAssigned, d, options('TaskAssigned', d.taskId, d.ownerId))),
      ...e.referralMade.map((d) => this.events.create(ReferralMade, d, options('ReferralMade', d.referralId))),
    ];
  }
}
