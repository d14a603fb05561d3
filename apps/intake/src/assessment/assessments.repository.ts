import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxEntry, OutboxRelay } from '@careloop/messaging';
import { Model } from 'mongoose';
import { Assessment, AssessmentDocument } from './schemas/assessment.schema';

/** Storage internals that never leave the repository. */
const WITHOUT_OUTBOX = { outbox: 0, outboxLeaseUntil: 0 } as const;

@Injectable()
export class AssessmentsRepository {
  constructor(
    @InjectModel(Assessment.name) private readonly assessments: Model<AssessmentDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Stores the assessment and its NeedAssessed event in one insert; the relay publishes the event. */
  async insert(assessment: Assessment, events: OutboxEntry[]): Promise<void> {
    await this.assessments.create({ ...assessment, outbox: events });
    this.relay.kick();
  }

  async findById(tenantId: string, id: string): Promise<Assessment | null> {
    return this.assessments.findOne({ tenantId, _id: id }, WITHOUT_OUTBOX).lean<Assessment>();
  }

  /** A client's most recent assessments, newest first. */
  async listForClient(tenantId: string, clientId: string, limit: number): Promise<Assessment[]> {
    return this.assessments
      .find({ tenantId, clientId }, WITHOUT_OUTBOX)
      .sort({ recordedAt: -1, _id: -1 })
      .limit(limit)
      .lean<Assessment[]>();
  }
}
