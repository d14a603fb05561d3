import { REFERRAL_OUTCOMES, REFERRAL_STATUSES, type ReferralStatus } from '@careloop/contracts';
import {
  allowedTransitions,
  assertInitialStatus,
  assertReferralStatusChange,
  assertTransition,
  assertTransitionDetails,
  canTransition,
  isTerminal,
  REFERRAL_ACTORS,
  ReferralTransitionError,
  transitionDetailProblems,
  type ReferralActor,
} from './referral-state-machine';

/*
 * The expectations are written out from DOMAIN.md, independently of the implementation's tables, so a typo in
 * either shows up as a failing row.
 */
const DOMAIN_EDGES: ReadonlyArray<[ReferralStatus, ReferralStatus]> = [
  ['draft', 'requested'],
  ['requested', 'accepted'],
  ['requested', 'rejected'],
  ['requested', 'cancelled'],
  ['accepted', 'in-progress'],
  ['accepted', 'on-hold'],
  ['accepted', 'completed'],
  ['accepted', 'failed'],
  ['accepted', 'cancelled'],
  ['in-progress', 'completed'],
  ['in-progress', 'failed'],
  ['in-progress', 'cancelled'],
  ['on-hold', 'in-progress'],
  ['on-hold', 'completed'],
  ['on-hold', 'failed'],
  ['on-hold', 'cancelled'],
  // any -> entered-in-error
  ...REFERRAL_STATUSES.filter((s) => s !== 'entered-in-error').map((s): [ReferralStatus, ReferralStatus] => [s, 'entered-in-error']),
];

const SETTERS: Readonly<Record<ReferralStatus, readonly ReferralActor[]>> = {
  draft: ['requester'],
  requested: ['requester'],
  'entered-in-error': ['requester'],
  accepted: ['receiver'],
  rejected: ['receiver'],
  'in-progress': ['receiver'],
  'on-hold': ['receiver'],
  failed: ['receiver'],
  completed: ['receiver'],
  cancelled: ['requester', 'receiver'],
};

const isEdge = (from: ReferralStatus, to: ReferralStatus): boolean => DOMAIN_EDGES.some(([f, t]) => f === from && t === to);

const matrix = REFERRAL_STATUSES.flatMap((from) =>
  REFERRAL_STATUSES.flatMap((to) => REFERRAL_ACTORS.map((actor) => ({ from, to, actor }))),
);
const allowed = matrix.filter(({ from, to, actor }) => isEdge(from, to) && SETTERS[to].includes(actor));
const refusedAsInvalid = matrix.filter(({ from, to }) => !isEdge(from, to));
const refusedForActor = matrix.filter(({ from, to, actor }) => isEdge(from, to) && !SETTERS[to].includes(actor));

function errorOf(action: () => void): ReferralTransitionError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof ReferralTransitionError) return error;
    throw error;
  }
  return undefined;
}

describe('referral state machine', () => {
  it('covers the full status x status x actor matrix', () => {
    expect(matrix).toHaveLength(REFERRAL_STATUSES.length ** 2 * 2);
    expect(allowed.length + refusedAsInvalid.length + refusedForActor.length).toBe(matrix.length);
    // 16 forward moves (cancelled by either side counts twice) + 9 entered-in-error by the requester.
    expect(allowed).toHaveLength(16 + 4 + 9);
  });

  it.each(allowed)('allows $from -> $to by the $actor', ({ from, to, actor }) => {
    expect(canTransition(from, to, actor)).toBe(true);
    expect(() => assertTransition(from, to, actor)).not.toThrow();
    expect(allowedTransitions(from, actor)).toContain(to);
  });

  it.each(refusedAsInvalid)('refuses $from -> $to by the $actor as an invalid transition', ({ from, to, actor }) => {
    expect(canTransition(from, to, actor)).toBe(false);
    const error = errorOf(() => assertTransition(from, to, actor));
    expect(error?.code).toBe('invalid-transition');
    expect(error?.httpStatus).toBe(409);
  });

  it.each(refusedForActor)('refuses $from -> $to by the $actor as not theirs to set', ({ from, to, actor }) => {
    expect(canTransition(from, to, actor)).toBe(false);
    const error = errorOf(() => assertTransition(from, to, actor));
    expect(error?.code).toBe('not-allowed-for-actor');
    expect(error?.httpStatus).toBe(403);
    expect(allowedTransitions(from, actor)).not.toContain(to);
  });

  it.each([
    ['completed', 'in-progress', 'receiver', 'invalid-transition'],
    ['requested', 'completed', 'receiver', 'invalid-transition'],
    ['draft', 'accepted', 'receiver', 'invalid-transition'],
    ['entered-in-error', 'requested', 'requester', 'invalid-transition'],
    ['cancelled', 'requested', 'requester', 'invalid-transition'],
    ['in-progress', 'on-hold', 'receiver', 'invalid-transition'],
    ['accepted', 'accepted', 'receiver', 'invalid-transition'],
    ['requested', 'accepted', 'requester', 'not-allowed-for-actor'],
    ['accepted', 'completed', 'requester', 'not-allowed-for-actor'],
    ['draft', 'requested', 'receiver', 'not-allowed-for-actor'],
    ['completed', 'entered-in-error', 'receiver', 'not-allowed-for-actor'],
  ] as const)('refuses %s -> %s by the %s with %s', (from, to, actor, code) => {
    expect(errorOf(() => assertTransition(from, to, actor))?.code).toBe(code);
  });

  it('checks the lifecycle before the actor, so a wrong actor on an impossible move still hears 409', () => {
    expect(errorOf(() => assertTransition('completed', 'accepted', 'requester'))?.code).toBe('invalid-transition');
  });

  it('names the terminal statuses', () => {
    const terminal = REFERRAL_STATUSES.filter(isTerminal);
    expect(terminal.sort()).toEqual(['cancelled', 'completed', 'entered-in-error', 'failed', 'rejected']);
    for (const status of terminal) {
      expect(allowedTransitions(status, 'receiver')).toEqual([]);
    }
  });

  it('lets a referral start as draft or requested, by the requester only', () => {
    expect(() => assertInitialStatus('draft', 'requester')).not.toThrow();
    expect(() => assertInitialStatus('requested', 'requester')).not.toThrow();
    expect(errorOf(() => assertInitialStatus('accepted', 'requester'))?.code).toBe('invalid-transition');
    expect(errorOf(() => assertInitialStatus('requested', 'receiver'))?.code).toBe('not-allowed-for-actor');
  });
});

describe('referral transition details', () => {
  it.each(['completed', 'failed'] as const)('requires an outcome for %s', (to) => {
    expect(transitionDetailProblems(to, { statusReason: 'done' })).toContain(`outcome is required for ${to}`);
  });

  it.each(['rejected', 'failed', 'cancelled', 'on-hold', 'entered-in-error'] as const)('requires a statusReason for %s', (to) => {
    expect(transitionDetailProblems(to, { outcome: 'no-capacity', statusReason: '   ' })).toContain(`statusReason is required for ${to}`);
  });

  it('accepts the documented combinations', () => {
    expect(transitionDetailProblems('completed', { outcome: 'got-help' })).toEqual([]);
    expect(transitionDetailProblems('failed', { outcome: 'could-not-contact', statusReason: 'three calls, no answer' })).toEqual([]);
    expect(transitionDetailProblems('rejected', { statusReason: 'outside service area' })).toEqual([]);
    expect(transitionDetailProblems('rejected', { outcome: 'no-capacity', statusReason: 'full until next month' })).toEqual([]);
    expect(transitionDetailProblems('accepted', {})).toEqual([]);
    expect(transitionDetailProblems('in-progress', {})).toEqual([]);
    for (const outcome of REFERRAL_OUTCOMES) {
      expect(transitionDetailProblems('cancelled', { outcome, statusReason: 'client moved' })).toEqual([]);
    }
  });

  it('refuses an outcome on a status that does not close the loop, and one that does not fit', () => {
    expect(transitionDetailProblems('on-hold', { outcome: 'got-help', statusReason: 'waiting' })[0]).toMatch(/only recorded when the referral closes/);
    expect(transitionDetailProblems('accepted', { outcome: 'got-help' })).toHaveLength(1);
    expect(transitionDetailProblems('completed', { outcome: 'could-not-contact' })[0]).toMatch(/does not fit completed/);
    expect(transitionDetailProblems('rejected', { outcome: 'got-help', statusReason: 'x' })[0]).toMatch(/does not fit rejected/);
  });

  it('keeps statusReason within what the ReferralStatusChanged event carries', () => {
    expect(transitionDetailProblems('cancelled', { statusReason: 'x'.repeat(201) })).toEqual(['statusReason is longer than 200 characters']);
    expect(transitionDetailProblems('cancelled', { statusReason: 'x'.repeat(200) })).toEqual([]);
  });

  it('throws invalid-details (422) and checks the move first', () => {
    const details = errorOf(() => assertTransitionDetails('completed', {}));
    expect(details?.code).toBe('invalid-details');
    expect(details?.httpStatus).toBe(422);
    expect(errorOf(() => assertReferralStatusChange('requested', 'completed', 'receiver', {}))?.code).toBe('invalid-transition');
    expect(errorOf(() => assertReferralStatusChange('accepted', 'completed', 'receiver', {}))?.code).toBe('invalid-details');
    expect(() => assertReferralStatusChange('accepted', 'completed', 'receiver', { outcome: 'got-help' })).not.toThrow();
  });
});
