import type { ReferralMadeV1 } from '@careloop/contracts';
import type { RankedCandidate } from '../matching/domain/rank-candidates';
import { NO_MATCHING_SERVICE, toReferral } from './referral-matching.service';

const made: ReferralMadeV1 = {
  referralId: 'ref-1',
  clientId: 'client-1',
  carePlanId: 'plan-1',
  needId: 'need-1',
  needCategory: 'legal',
  urgency: 'urgent',
  context: { preferredLanguage: 'pt', ageBand: '65-74' },
  consentToShare: true,
  requestedBy: 'cm-1',
  requestedAt: '2025-06-01T10:00:00.000Z',
};
const now = new Date('2025-06-01T10:00:05.000Z');
const candidate = (serviceId: string, score: number): RankedCandidate => ({
  serviceId,
  organizationId: `org-${serviceId}`,
  score,
  reasons: ['category-match', 'distance-unknown'],
  components: { need: 1, distance: 0.5, language: 1, capacity: 1, eligibility: 1 },
});

describe('toReferral', () => {
  it('requests the best candidate, with the draft by the requester and the request by the system in its history', () => {
    const referral = toReferral('t1', made, [candidate('a', 0.9), candidate('b', 0.7)], now);
    expect(referral).toMatchObject({
      _id: 'ref-1',
      tenantId: 't1',
      status: 'requested',
      selectedServiceId: 'a',
      selectedOrganizationId: 'org-a',
      version: 1,
      matchedAt: now,
    });
    expect(referral.statusReason).toBeUndefined();
    expect(referral.statusHistory).toEqual([
      { status: 'draft', changedBy: 'requester', changedBySubject: 'cm-1', changedAt: new Date(made.requestedAt) },
      { from: 'draft', status: 'requested', changedBy: 'system', changedAt: now },
    ]);
    expect(referral.candidates.map((c) => c.serviceId)).toEqual(['a', 'b']);
  });

  it('keeps a referral nothing matches as a draft that says why', () => {
    const referral = toReferral('t1', made, [], now);
    expect(referral).toMatchObject({ status: 'draft', statusReason: NO_MATCHING_SERVICE, candidates: [] });
    expect(referral.selectedServiceId).toBeUndefined();
    expect(referral.statusHistory.map((entry) => entry.status)).toEqual(['draft']);
  });
});
