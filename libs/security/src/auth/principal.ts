import type { Role } from '@careloop/contracts';

/** The authenticated caller, built from a verified bearer token. */
export interface Principal {
  subject: string;
  tenantId: string;
  roles: Role[];
  organizationId?: string;
  partnerId?: string;
}
