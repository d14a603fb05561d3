import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@careloop/persistence';
import { Model } from 'mongoose';
import { ClientProfile } from './schemas/client-profile.schema';

@Injectable()
export class ClientProfilesRepository {
  constructor(@InjectModel(ClientProfile.name) private readonly profiles: Model<ClientProfile>) {}

  /**
   * Keeps the newest consent. ClientRegistered and ConsentRecorded travel on different topics, so they can arrive in
   * any order: an answer older than the stored one changes nothing, and applying the same answer twice is harmless.
   */
  async recordConsent(tenantId: string, clientId: string, consentToShare: boolean, recordedAt: Date): Promise<void> {
    const newer = { tenantId, clientId, consentRecordedAt: { $lt: recordedAt } };
    const update = { $set: { consentToShare, consentRecordedAt: recordedAt } };
    const result = await this.profiles.updateOne(newer, update);
    if (result.matchedCount === 1) return;
    try {
      await this.profiles.create({ tenantId, clientId, consentToShare, consentRecordedAt: recordedAt });
    } catch (err) {
      if (!isDuplicateKeyError(err, 'profile_per_client')) throw err;
      // Created meanwhile (or already newer): one more conditional update settles which answer is the newest.
      await this.profiles.updateOne(newer, update);
    }
  }

  /** `undefined` when intake has told us nothing about this client yet. */
  async consentToShare(tenantId: string, clientId: string): Promise<boolean | undefined> {
    const found = await this.profiles.findOne({ tenantId, clientId }, { consentToShare: 1 }).lean<Pick<ClientProfile, 'consentToShare'>>();
    return found?.consentToShare;
  }
}
