import type { Role } from '@careloop/contracts';
import { SignJWT } from 'jose';

export interface DevTokenInput {
  secret: string;
  issuer: string;
  audience: string;
  subject: string;
  tenantId: string;
  roles: Role[];
  organizationId?: string;
  partnerId?: string;
  /** jose time span ('1h', '15m') or an absolute `exp` in seconds since the epoch. */
  expiresIn?: string | number;
}

/** Signs an HS256 token with the dev secret. For development and tests only: production refuses HS256. */
export async function mintDevToken(input: DevTokenInput): Promise<string> {
  if (input.secret.length < 32) throw new Error('The dev secret must be at least 32 characters long');
  const claims: Record<string, unknown> = { tenant_id: input.tenantId, roles: input.roles };
  if (input.organizationId) claims['org_id'] = input.organizationId;
  if (input.partnerId) claims['partner_id'] = input.partnerId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(input.issuer)
    .setAudience(input.audience)
    .setSubject(input.subject)
    .setIssuedAt()
    .setExpirationTime(input.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(input.secret));
}
