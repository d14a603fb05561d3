import { ForbiddenException } from '@nestjs/common';
import { Roles, type ReferralStatus, type Role } from '@careloop/contracts';
import type { Principal } from '@careloop/security';
import { REFERRAL_ACTORS, allowedTransitions, mayActorSet, type ReferralActor } from './domain/referral-state-machine';
import type { Referral } from './schemas/referral.schema';

/** Roles that act for the requesting care team. */
export const REQUESTER_ROLES: readonly Role[] = [Roles.CareManager, Roles.CaseManager];
/** Care team roles that only see one client's referrals at a time. */
export const CLIENT_SCOPED_ROLES: readonly Role[] = [Roles.CareManager, Roles.CaseManager, Roles.Provider];

/**
 * Who reads or changes a referral. Admin first (platform staff, either side), then the care team, then a receiving
 * organization's staff, who are bound to their own organization.
 */
export type ReferralReader =
  | { kind: 'admin' }
  | { kind: 'care-team'; requester: boolean; clientScoped: boolean }
  | { kind: 'organization'; organizationId: string };

export function readerOf(principal: Principal): ReferralReader {
  const has = (role: Role): boolean => principal.roles.includes(role);
  if (has(Roles.Admin)) return { kind: 'admin' };
  if (principal.roles.some((role) => role !== Roles.Organization && role !== Roles.Partner)) {
    return {
      kind: 'care-team',
      requester: REQUESTER_ROLES.some(has),
      clientScoped: !has(Roles.Supervisor) && CLIENT_SCOPED_ROLES.some(has),
    };
  }
  if (has(Roles.Organization) && principal.organizationId) return { kind: 'organization', organizationId: principal.organizationId };
  // An organization user whose token names no organization cannot be limited to one: refused outright.
  throw new ForbiddenException('Not allowed');
}

/** Whether the reader may see this referral at all (others get a 404, indistinguishable from a missing one). */
export function mayRead(reader: ReferralReader, referral: Pick<Referral, 'selectedOrganizationId'>): boolean {
  return reader.kind !== 'organization' || referral.selectedOrganizationId === reader.organizationId;
}

/**
 * The lifecycle side the reader acts for when setting `to`. Admin acts for whichever side may set it (the requester
 * when both may); a care team member without a requester role (supervisor, provider) acts for no side.
 */
export function actorFor(reader: ReferralReader, to: ReferralStatus): ReferralActor | undefined {
  switch (reader.kind) {
    case 'organization':
      return 'receiver';
    case 'care-team':
      return reader.requester ? 'requester' : undefined;
    case 'admin':
      return REFERRAL_ACTORS.find((actor) => mayActorSet(actor, to)) ?? 'requester';
  }
}

/** The statuses to offer this reader as actions. Moving to requested needs a chosen service. */
export function transitionsFor(reader: ReferralReader, referral: Pick<Referral, 'status' | 'selectedServiceId'>): ReferralStatus[] {
  const actors: ReferralActor[] =
    reader.kind === 'admin' ? [...REFERRAL_ACTORS] : reader.kind === 'organization' ? ['receiver'] : reader.requester ? ['requester'] : [];
  const statuses = new Set(actors.flatMap((actor) => allowedTransitions(referral.status, actor)));
  if (!referral.selectedServiceId) statuses.delete('requested');
  return [...statuses];
}
