import { Injectable } from '@nestjs/common';
import {
  ReferralStatusChanged,
  ResourcesMatched,
  type EventEnvelope,
  type NeedCategory,
  type ReferralMadeV1,
} from '@careloop/contracts';
import { EventFactory, UnprocessableEventError, type OutboxEntry } from '@careloop/messaging';
import { AuditService } from '@careloop/security';
import type { FilterQuery } from 'mongoose';
import { ResourceDirectoryEnv } from '../config/resource-directory.env';
import { DirectoryRepository, type Projection } from '../directory/directory.repository';
import { RELATED_NEED_CATEGORIES } from '../directory/domain/need-category-taxonomy';
import { GeoSearchCapability } from '../directory/geo-search-capability.service';
import type { DirectoryServiceRecord } from '../directory/schemas/directory-service.schema';
import { rankCandidates, type MatchableService, type RankedCandidate } from '../matching/domain/rank-candidates';
import { ReferralsRepository } from './referrals.repository';
import type { Referral, ReferralStatusEntry } from './schemas/referral.schema';

export type MatchOutcome = 'matched' | 'no-match' | 'duplicate';

/** Why a referral waits as a draft: nothing in the directory fits, and a care manager must act. */
export const NO_MATCHING_SERVICE = 'no-matching-service';

/** A bound on what one referral loads from the directory; the radius and categories keep real loads far below it. */
export const MAX_SERVICES_CONSIDERED = 5_000;

const MATCHABLE_PROJECTION: Projection = {
  id: 1,
  organizationId: 1,
  status: 1,
  categoryKeys: 1,
  languages: 1,
  interpretationAvailable: 1,
  locations: 1,
  minimumAge: 1,
  maximumAge: 1,
  capacityStatus: 1,
  capacityReported: 1,
  capacityUpdatedAt: 1,
  schedules: 1,
};

/**
 * Turns a ReferralMade into a stored referral: ranks the tenant's services near the client's area, selects the best,
 * and writes the referral with ResourcesMatched and ReferralStatusChanged (draft -> requested) in one insert.
 */
@Injectable()
export class ReferralMatchingService {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly geo: GeoSearchCapability,
    private readonly referrals: ReferralsRepository,
    private readonly events: EventFactory,
    private readonly audit: AuditService,
    private readonly env: ResourceDirectoryEnv,
  ) {}

  async onReferralMade(event: EventEnvelope<ReferralMadeV1>, now = new Date()): Promise<MatchOutcome> {
    const tenantId = event.tenantid;
    const made = event.data;
    // The inbox already skips a redelivered event; this also covers a second event about the same referral.
    if (await this.referrals.exists(tenantId, made.referralId)) return 'duplicate';

    const services = await this.loadServices(tenantId, made);
    const { candidates } = rankCandidates(made, services, now, {
      radiusKm: this.env.REFERRAL_MATCH_RADIUS_KM,
      timeZone: this.env.DIRECTORY_TIME_ZONE,
    });
    const selected = candidates[0];
    const referral = toReferral(tenantId, made, candidates, now);
    const events = this.eventsFor(referral, selected, now);

    const stored = await this.referrals.insert(referral, events);
    if (stored === 'exists') return 'duplicate';
    if (stored === 'exists-in-another-tenant') {
      throw new UnprocessableEventError('referralId is already used by another tenant', 'referral-id-conflict');
    }
    await this.audit.record({ action: 'create', resourceType: 'Referral', resourceId: referral._id, clientId: referral.clientId });
    return selected ? 'matched' : 'no-match';
  }

  /**
   * Active services for the need or a related one: within the radius's pre-filter when the client's area is known,
   * plus those without a physical place (hotlines), which the matcher scores as remote.
   */
  private async loadServices(tenantId: string, made: ReferralMadeV1): Promise<MatchableService[]> {
    const categories: NeedCategory[] = [made.needCategory, ...RELATED_NEED_CATEGORIES[made.needCategory]];
    const filter: FilterQuery<DirectoryServiceRecord> = { tenantId, status: 'active', categoryKeys: { $in: categories } };
    const options = { projection: MATCHABLE_PROJECTION, limit: MAX_SERVICES_CONSIDERED };
    const area = made.context.area;
    if (!area) return this.directory.find<MatchableService>(filter, options);
    const near = { center: { latitude: area.latitude, longitude: area.longitude }, radiusKm: this.env.REFERRAL_MATCH_RADIUS_KM };
    const [placed, remote] = await Promise.all([
      this.directory.find<MatchableService>(filter, { ...options, near, strategy: await this.geo.strategy() }),
      this.directory.find<MatchableService>({ ...filter, 'locations.0': { $exists: false } }, options),
    ]);
    return [...placed, ...remote];
  }

  private eventsFor(referral: Referral, selected: RankedCandidate | undefined, now: Date): OutboxEntry[] {
    const changedAt = now.toISOString();
    const matched = this.events.create(ResourcesMatched, {
      referralId: referral._id,
      clientId: referral.clientId,
      candidates: referral.candidates.map((candidate) => ({
        serviceId: candidate.serviceId,
        organizationId: candidate.organizationId,
        score: candidate.score,
        ...(candidate.distanceKm !== undefined ? { distanceKm: candidate.distanceKm } : {}),
        reasons: candidate.reasons,
      })),
      ...(selected ? { selectedServiceId: selected.serviceId } : {}),
      matchedAt: changedAt,
    });
    if (!selected) return [matched];
    const requested = this.events.create(ReferralStatusChanged, {
      referralId: referral._id,
      clientId: referral.clientId,
      serviceId: selected.serviceId,
      organizationId: selected.organizationId,
      needCategory: referral.needCategory,
      from: 'draft',
      status: 'requested',
      changedBy: 'system',
      changedAt,
    });
    return [matched, requested];
  }
}

export function toReferral(tenantId: string, made: ReferralMadeV1, candidates: readonly RankedCandidate[], now: Date): Referral {
  const selected = candidates[0];
  const drafted: ReferralStatusEntry = {
    status: 'draft',
    changedBy: 'requester',
    changedBySubject: made.requestedBy,
    changedAt: new Date(made.requestedAt),
  };
  const referral: Referral = {
    _id: made.referralId,
    tenantId,
    clientId: made.clientId,
    carePlanId: made.carePlanId,
    needId: made.needId,
    needCategory: made.needCategory,
    urgency: made.urgency,
    context: {
      preferredLanguage: made.context.preferredLanguage,
      ageBand: made.context.ageBand,
      ...(made.context.area ? { area: { ...made.context.area } } : {}),
    },
    consentToShare: made.consentToShare,
    requestedBy: made.requestedBy,
    requestedAt: new Date(made.requestedAt),
    candidates: candidates.map((candidate) => ({
      serviceId: candidate.serviceId,
      organizationId: candidate.organizationId,
      score: candidate.score,
      ...(candidate.distanceKm !== undefined ? { distanceKm: candidate.distanceKm } : {}),
      reasons: [...candidate.reasons],
      components: { ...candidate.components },
    })),
    matchedAt: now,
    status: selected ? 'requested' : 'draft',
    statusHistory: selected ? [drafted, { from: 'draft', status: 'requested', changedBy: 'system', changedAt: now }] : [drafted],
    version: 1,
  };
  if (selected) {
    referral.selectedServiceId = selected.serviceId;
    referral.selectedOrganizationId = selected.organizationId;
  } else {
    referral.statusReason = NO_MATCHING_SERVICE;
  }
  return referral;
}
