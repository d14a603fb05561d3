import {
  ageBandRange,
  CAPACITY_SCORES,
  MATCH_WEIGHTS,
  rankCandidates,
  weightedScore,
  type MatchableService,
  type MatchReferral,
} from './rank-candidates';

const CENTER = { latitude: 42.36, longitude: -71.06 };
/** About `km` kilometres north of the center. */
const north = (km: number) => ({ latitude: CENTER.latitude + km / 111.195, longitude: CENTER.longitude });
const NOW = new Date('2025-03-10T15:00:00Z'); // Monday 11:00 in New York

let sequence = 0;
function service(overrides: Partial<MatchableService> = {}): MatchableService {
  sequence += 1;
  return {
    id: `svc-${String(sequence).padStart(3, '0')}`,
    organizationId: 'org-fake-1',
    status: 'active',
    categoryKeys: ['food-insecurity'],
    languages: ['en', 'es'],
    interpretationAvailable: false,
    locations: [{ id: `loc-${sequence}`, ...north(2) }],
    capacityStatus: 'has-capacity',
    capacityReported: true,
    schedules: [],
    ...overrides,
  };
}

const referral = (overrides: Partial<MatchReferral> = {}, context: Partial<MatchReferral['context']> = {}): MatchReferral => ({
  needCategory: 'food-insecurity',
  urgency: 'routine',
  ...overrides,
  context: { preferredLanguage: 'es', ageBand: '26-44', area: { ...CENTER, postalCode: '00000' }, ...context },
});

describe('rankCandidates', () => {
  it('has weights that sum to 1', () => {
    const sum = Object.values(MATCH_WEIGHTS).reduce((total, weight) => total + weight, 0);
    expect(sum).toBeCloseTo(1, 10);
    expect(weightedScore({ need: 1, distance: 1, language: 1, capacity: 1, eligibility: 1 })).toBe(1);
    expect(weightedScore({ need: 0, distance: 0, language: 0, capacity: 0, eligibility: 0 })).toBe(0);
  });

  it('explains a perfect nearby match with a reason per component', () => {
    const { candidates, excluded } = rankCandidates(referral(), [service({ locations: [{ id: 'l', ...north(0.5) }] })], NOW);
    expect(excluded).toEqual([]);
    expect(candidates).toHaveLength(1);
    const [candidate] = candidates;
    expect(candidate.reasons).toEqual(['category-match', 'within-1km', 'language-match:es', 'age-eligible', 'has-capacity']);
    expect(candidate.distanceKm).toBeCloseTo(0.5, 1);
    expect(candidate.score).toBeGreaterThan(0.98);
    expect(candidate.score).toBeLessThanOrEqual(1);
    expect(candidate.components).toEqual({ need: 1, distance: expect.closeTo(0.98, 2), language: 1, capacity: 1, eligibility: 1 });
  });

  it('ranks closer services higher and buckets the distance', () => {
    const near = service({ locations: [{ id: 'a', ...north(3) }] });
    const far = service({ locations: [{ id: 'b', ...north(20) }] });
    const { candidates } = rankCandidates(referral(), [far, near], NOW);
    expect(candidates.map((c) => c.serviceId)).toEqual([near.id, far.id]);
    expect(candidates[0].reasons).toContain('within-5km');
    expect(candidates[1].reasons).toContain('within-25km');
  });

  it('measures to the nearest of several locations', () => {
    const twoSites = service({ locations: [{ id: 'far', ...north(18) }, { id: 'near', ...north(4) }] });
    expect(rankCandidates(referral(), [twoSites], NOW).candidates[0].distanceKm).toBeCloseTo(4, 1);
  });

  it('excludes services beyond the radius, with their distance', () => {
    const far = service({ locations: [{ id: 'x', ...north(30) }] });
    const result = rankCandidates(referral(), [far], NOW);
    expect(result.candidates).toEqual([]);
    expect(result.excluded).toEqual([{ serviceId: far.id, organizationId: 'org-fake-1', reasons: ['beyond-radius'], distanceKm: expect.closeTo(30, 1) }]);
    expect(rankCandidates(referral(), [far], NOW, { radiusKm: 40 }).candidates).toHaveLength(1);
  });

  it('scores distance neutrally without an area, and remote services without travel', () => {
    const walkIn = service();
    const hotline = service({ locations: [] });
    const noArea = rankCandidates(referral({}, { area: undefined }), [walkIn, hotline], NOW);
    expect(noArea.candidates.find((c) => c.serviceId === walkIn.id)?.reasons).toContain('distance-unknown');
    const remote = noArea.candidates.find((c) => c.serviceId === hotline.id);
    expect(remote?.reasons).toContain('remote-service');
    expect(remote?.distanceKm).toBeUndefined();
  });

  it('excludes services that are not active', () => {
    const services = [service({ status: 'inactive' }), service({ status: 'defunct' }), service({ status: 'temporarily closed' })];
    const { candidates, excluded } = rankCandidates(referral(), services, NOW);
    expect(candidates).toEqual([]);
    expect(excluded.map((e) => e.reasons[0])).toEqual(['status-inactive', 'status-defunct', 'status-temporarily-closed']);
  });

  it('excludes an unrelated need, and scores a related one lower', () => {
    const legal = service({ categoryKeys: ['legal'] });
    const counseling = service({ categoryKeys: ['mental-health'] });
    const depressionCare = service({ categoryKeys: ['depression'] });
    const { candidates, excluded } = rankCandidates(referral({ needCategory: 'depression' }), [legal, counseling, depressionCare], NOW);
    expect(excluded).toEqual([expect.objectContaining({ serviceId: legal.id, reasons: ['category-mismatch'] })]);
    expect(candidates.map((c) => c.serviceId)).toEqual([depressionCare.id, counseling.id]);
    expect(candidates[1].reasons[0]).toBe('category-related:mental-health');
    expect(candidates[1].components.need).toBe(0.5);
  });

  it('reads age bands and excludes a client outside the age range', () => {
    expect(ageBandRange('18-25')).toEqual({ from: 18, to: 25 });
    expect(ageBandRange('75+')).toEqual({ from: 75, to: 130 });
    const seniors = service({ minimumAge: 60 });
    const youth = service({ minimumAge: 12, maximumAge: 24 });
    const children = service({ maximumAge: 17 });
    const adultResult = rankCandidates(referral({}, { ageBand: '26-44' }), [seniors, youth, children], NOW);
    expect(adultResult.candidates).toEqual([]);
    expect(adultResult.excluded.map((e) => e.reasons)).toEqual([['age-ineligible'], ['age-ineligible'], ['age-ineligible']]);

    const straddling = rankCandidates(referral({}, { ageBand: '18-25' }), [youth], NOW).candidates[0];
    expect(straddling.reasons).toContain('age-partially-eligible');
    expect(straddling.components.eligibility).toBe(0.5);
    expect(rankCandidates(referral({}, { ageBand: '65-74' }), [seniors], NOW).candidates[0].reasons).toContain('age-eligible');
  });

  it('lists every hard rule a service fails', () => {
    const bad = service({ status: 'inactive', categoryKeys: ['legal'], minimumAge: 65, locations: [{ id: 'z', ...north(40) }] });
    expect(rankCandidates(referral(), [bad], NOW).excluded[0].reasons).toEqual(['status-inactive', 'category-mismatch', 'age-ineligible', 'beyond-radius']);
  });

  it('matches languages exactly, by base language, through interpretation, or not at all', () => {
    const spanish = service({ languages: ['es'] });
    const mexicanSpanish = service({ languages: ['es-MX'] });
    const interpreted = service({ languages: ['en'], interpretationAvailable: true });
    const englishOnly = service({ languages: ['en'] });
    const { candidates } = rankCandidates(referral({}, { preferredLanguage: 'es-MX' }), [spanish, mexicanSpanish, interpreted, englishOnly], NOW);
    const reasonOf = (id: string) => candidates.find((c) => c.serviceId === id)?.reasons[2];
    expect(reasonOf(mexicanSpanish.id)).toBe('language-match:es-MX');
    expect(reasonOf(spanish.id)).toBe('language-base-match:es');
    expect(reasonOf(interpreted.id)).toBe('interpretation-available');
    expect(reasonOf(englishOnly.id)).toBe('language-mismatch');
    expect(candidates.map((c) => c.serviceId)).toEqual([mexicanSpanish.id, spanish.id, interpreted.id, englishOnly.id]);
  });

  it('penalises no capacity heavily and a waitlist more for urgent needs', () => {
    const open = service({ capacityStatus: 'has-capacity' });
    const full = service({ capacityStatus: 'no-capacity' });
    const waitlist = service({ capacityStatus: 'waitlist' });
    const assessment = service({ capacityStatus: 'additional-assessment-required' });
    const unreported = service({ capacityReported: false });
    const routine = rankCandidates(referral(), [full, waitlist, open, assessment, unreported], NOW).candidates;
    expect(routine.map((c) => c.serviceId)).toEqual([open.id, unreported.id, assessment.id, waitlist.id, full.id]);
    expect(routine.map((c) => c.reasons[4])).toEqual(['has-capacity', 'capacity-unreported', 'additional-assessment-required', 'waitlist', 'no-capacity']);
    expect(routine[0].score - routine[4].score).toBeCloseTo(MATCH_WEIGHTS.capacity * (1 - CAPACITY_SCORES['no-capacity']), 4);

    const urgentWaitlist = rankCandidates(referral({ urgency: 'urgent' }), [waitlist], NOW).candidates[0];
    const routineWaitlist = routine.find((c) => c.serviceId === waitlist.id);
    expect(urgentWaitlist.score).toBeLessThan(routineWaitlist?.score ?? 0);
  });

  it('treats old capacity as unreported when asked to', () => {
    const stale = service({ capacityStatus: 'no-capacity', capacityUpdatedAt: '2025-01-01T00:00:00Z' });
    expect(rankCandidates(referral(), [stale], NOW).candidates[0].reasons).toContain('no-capacity');
    expect(rankCandidates(referral(), [stale], NOW, { capacityMaxAgeDays: 30 }).candidates[0].reasons).toContain('capacity-stale');
  });

  it('says whether the service is open now when given a time zone, without changing the score', () => {
    const weekdays = service({ schedules: [{ byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }] });
    const weekends = service({ schedules: [{ byday: 'SA,SU', opens_at: '09:00', closes_at: '17:00' }] });
    const withZone = rankCandidates(referral(), [weekdays, weekends], NOW, { timeZone: 'America/New_York' }).candidates;
    expect(withZone.find((c) => c.serviceId === weekdays.id)?.reasons).toContain('open-now');
    expect(withZone.find((c) => c.serviceId === weekends.id)?.reasons).toContain('closed-now');
    const withoutZone = rankCandidates(referral(), [weekdays], NOW).candidates[0];
    expect(withoutZone.reasons.some((r) => r.endsWith('-now'))).toBe(false);
    expect(withoutZone.score).toBe(withZone.find((c) => c.serviceId === weekdays.id)?.score);
  });

  it('keeps to the limit, sorts ties by distance then id, and fits the ResourcesMatched event', () => {
    const services = Array.from({ length: 30 }, (_, i) => service({ locations: [{ id: `t${i}`, ...north(5) }] }));
    const { candidates } = rankCandidates(referral(), services, NOW);
    expect(candidates).toHaveLength(20);
    const ids = candidates.map((c) => c.serviceId);
    expect(ids).toEqual([...ids].sort());
    for (const candidate of candidates) {
      expect(candidate.score).toBeGreaterThanOrEqual(0);
      expect(candidate.score).toBeLessThanOrEqual(1);
      expect(candidate.reasons.length).toBeLessThanOrEqual(20);
      candidate.reasons.forEach((reason) => expect(reason.length).toBeLessThanOrEqual(64));
    }
    expect(rankCandidates(referral(), services, NOW, { limit: 3 }).candidates).toHaveLength(3);
  });
});
