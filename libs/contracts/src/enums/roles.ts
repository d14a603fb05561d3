/** Who a user is to the platform; carried in the bearer token's `roles` claim. */
export const Roles = {
  CareManager: 'care-manager',
  CaseManager: 'case-manager',
  Supervisor: 'supervisor',
  /** A clinician or staff member of the provider running the care program. */
  Provider: 'provider',
  /** Staff of a community organization that receives referrals (sees only its own organization's referrals). */
  Organization: 'organization',
  /** A partner insurer's system (sees only its own members' events). */
  Partner: 'partner',
  Admin: 'admin',
} as const;

export type Role = (typeof Roles)[keyof typeof Roles];
export const ALL_ROLES: readonly Role[] = Object.values(Roles);
