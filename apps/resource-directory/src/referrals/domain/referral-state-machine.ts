import { REFERRAL_OUTCOMES, REFERRAL_STATUSES, type ReferralOutcome, type ReferralStatus } from '@careloop/contracts';

/*
 * The closed-loop referral lifecycle of the Gravity SDOH Clinical Care guide (FHIR Task.status), as DOMAIN.md
 * states it. The requester (the care team that made the referral) owns the request; the receiving organization
 * owns its fulfilment; either may cancel.
 */

export type ReferralActor = 'requester' | 'receiver';
export const REFERRAL_ACTORS: readonly ReferralActor[] = ['requester', 'receiver'];

/** Where each status may go, besides entered-in-error which every status may go to. */
const FORWARD_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ['requested'],
  requested: ['accepted', 'rejected', 'cancelled'],
  accepted: ['in-progress', 'on-hold', 'completed', 'failed', 'cancelled'],
  'in-progress': ['completed', 'failed', 'cancelled'],
  'on-hold': ['in-progress', 'completed', 'failed', 'cancelled'],
  rejected: [],
  failed: [],
  completed: [],
  cancelled: [],
  'entered-in-error': [],
};

/** The full transition table: forward moves plus `any -> entered-in-error` (a status never moves to itself). */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = withEnteredInError(FORWARD_TRANSITIONS);

function withEnteredInError(
  forward: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>>,
): Record<ReferralStatus, readonly ReferralStatus[]> {
  const table = { ...forward };
  for (const status of REFERRAL_STATUSES) {
    if (status !== 'entered-in-error') table[status] = [...forward[status], 'entered-in-error'];
  }
  return table;
}

/** Who may set each status. */
export const REFERRAL_STATUS_SETTERS: Readonly<Record<ReferralStatus, readonly ReferralActor[]>> = {
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

/** A referral starts life as a draft or goes straight to requested, always by the requester. */
export const REFERRAL_INITIAL_STATUSES: readonly ReferralStatus[] = ['draft', 'requested'];

/**
 * Statuses that close the loop. entered-in-error can still follow one of them, because it corrects the record
 * rather than moving the referral on.
 */
export const TERMINAL_REFERRAL_STATUSES: readonly ReferralStatus[] = ['rejected', 'failed', 'completed', 'cancelled', 'entered-in-error'];

/*
 * Details a status needs, decided here because the guide leaves them to implementers:
 *  - an outcome is required when the loop closes with a result (completed, failed) and allowed, optional, when it
 *    closes without one (rejected, cancelled); it is refused on a status that does not close the loop, where it
 *    would be a guess;
 *  - each closing status admits only the outcomes that make sense for it (a completed referral did not end in
 *    "could not contact");
 *  - statusReason (why, in a few words) is required whenever the referral stops short of or pauses the service:
 *    rejected, failed, cancelled, on-hold, and entered-in-error.
 */
export const REFERRAL_OUTCOMES_BY_STATUS: Readonly<Partial<Record<ReferralStatus, readonly ReferralOutcome[]>>> = {
  completed: ['got-help', 'needs-client-action', 'referred-elsewhere'],
  failed: ['could-not-contact', 'not-eligible', 'no-capacity', 'no-longer-interested', 'needs-client-action', 'referred-elsewhere'],
  rejected: ['not-eligible', 'no-capacity', 'referred-elsewhere', 'could-not-contact'],
  cancelled: [...REFERRAL_OUTCOMES],
};
export const OUTCOME_REQUIRED_STATUSES: readonly ReferralStatus[] = ['completed', 'failed'];
export const STATUS_REASON_REQUIRED_STATUSES: readonly ReferralStatus[] = ['rejected', 'failed', 'cancelled', 'on-hold', 'entered-in-error'];
/** The ReferralStatusChanged event allows 200 characters. */
export const STATUS_REASON_MAX_LENGTH = 200;

export type ReferralTransitionErrorCode = 'invalid-transition' | 'not-allowed-for-actor' | 'invalid-details';

/** The HTTP status each error maps to: a move the lifecycle forbids is a conflict with the current state. */
export const REFERRAL_TRANSITION_HTTP_STATUS: Readonly<Record<ReferralTransitionErrorCode, number>> = {
  'invalid-transition': 409,
  'not-allowed-for-actor': 403,
  'invalid-details': 422,
};

export class ReferralTransitionError extends Error {
  override readonly name = 'ReferralTransitionError';

  constructor(
    readonly code: ReferralTransitionErrorCode,
    message: string,
    readonly from?: ReferralStatus,
    readonly to?: ReferralStatus,
    readonly actor?: ReferralActor,
  ) {
    super(message);
  }

  get httpStatus(): number {
    return REFERRAL_TRANSITION_HTTP_STATUS[this.code];
  }
}

export interface ReferralTransitionDetails {
  outcome?: ReferralOutcome;
  statusReason?: string;
}

export function isTerminal(status: ReferralStatus): boolean {
  return TERMINAL_REFERRAL_STATUSES.includes(status);
}

/** Whether the lifecycle has an edge from -> to, whoever asks. */
export function isTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

export function mayActorSet(actor: ReferralActor, status: ReferralStatus): boolean {
  return REFERRAL_STATUS_SETTERS[status].includes(actor);
}

export function canTransition(from: ReferralStatus, to: ReferralStatus, actor: ReferralActor): boolean {
  return isTransition(from, to) && mayActorSet(actor, to);
}

/** The statuses an actor may move a referral to from `from`, e.g. to offer as actions. */
export function allowedTransitions(from: ReferralStatus, actor: ReferralActor): ReferralStatus[] {
  return REFERRAL_TRANSITIONS[from].filter((to) => mayActorSet(actor, to));
}

/** Throws ReferralTransitionError: `invalid-transition` (409) before `not-allowed-for-actor` (403). */
export function assertTransition(from: ReferralStatus, to: ReferralStatus, actor: ReferralActor): void {
  if (!isTransition(from, to)) {
    throw new ReferralTransitionError('invalid-transition', `a referral cannot go from ${from} to ${to}`, from, to, actor);
  }
  if (!mayActorSet(actor, to)) {
    throw new ReferralTransitionError('not-allowed-for-actor', `the ${actor} may not set ${to}`, from, to, actor);
  }
}

/** Checks a new referral's first status. */
export function assertInitialStatus(status: ReferralStatus, actor: ReferralActor): void {
  if (!REFERRAL_INITIAL_STATUSES.includes(status)) {
    throw new ReferralTransitionError('invalid-transition', `a referral cannot start as ${status}`, undefined, status, actor);
  }
  if (!mayActorSet(actor, status)) {
    throw new ReferralTransitionError('not-allowed-for-actor', `the ${actor} may not create a referral`, undefined, status, actor);
  }
}

/** Problems with the outcome and statusReason given for a status; empty when they are acceptable. */
export function transitionDetailProblems(to: ReferralStatus, details: ReferralTransitionDetails): string[] {
  const problems: string[] = [];
  const allowedOutcomes = REFERRAL_OUTCOMES_BY_STATUS[to];
  if (details.outcome === undefined) {
    if (OUTCOME_REQUIRED_STATUSES.includes(to)) problems.push(`outcome is required for ${to}`);
  } else if (!allowedOutcomes) {
    problems.push(`outcome is only recorded when the referral closes, not for ${to}`);
  } else if (!allowedOutcomes.includes(details.outcome)) {
    problems.push(`outcome ${details.outcome} does not fit ${to} (expected one of ${allowedOutcomes.join(', ')})`);
  }
  const reason = details.statusReason?.trim();
  if (!reason) {
    if (STATUS_REASON_REQUIRED_STATUSES.includes(to)) problems.push(`statusReason is required for ${to}`);
  } else if (reason.length > STATUS_REASON_MAX_LENGTH) {
    problems.push(`statusReason is longer than ${STATUS_REASON_MAX_LENGTH} characters`);
  }
  return problems;
}

/** Throws ReferralTransitionError `invalid-details` (422) when transitionDetailProblems finds any. */
export function assertTransitionDetails(to: ReferralStatus, details: ReferralTransitionDetails): void {
  const problems = transitionDetailProblems(to, details);
  if (problems.length > 0) throw new ReferralTransitionError('invalid-details', problems.join('; '), undefined, to);
}

/** Everything a status change must satisfy, in the order the HTTP layer should report it. */
export function assertReferralStatusChange(
  from: ReferralStatus,
  to: ReferralStatus,
  actor: ReferralActor,
  details: ReferralTransitionDetails = {},
): void {
  assertTransition(from, to, actor);
  assertTransitionDetails(to, details);
}
