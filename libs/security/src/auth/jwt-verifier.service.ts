import { ALL_ROLES, Role } from '@careloop/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey, JWTVerifyOptions } from 'jose';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { InvalidTokenError, InvalidTokenReason, TokenVerificationUnavailableError } from './invalid-token.error';
import type { Principal } from './principal';

/** Asymmetric algorithms only: HS* with a public JWKS would let anyone holding the public key sign. */
export const ASYMMETRIC_ALGORITHMS: readonly string[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

export const CLOCK_TOLERANCE_SECONDS = 30;

const KNOWN_ROLES: ReadonlySet<string> = new Set(ALL_ROLES);

type KeySource = { kind: 'jwks'; getKey: JWTVerifyGetKey } | { kind: 'secret'; secret: Uint8Array };

function optionalString(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) throw new InvalidTokenError('claims');
  return value;
}

/**
 * The JWKS could not be fetched: a timeout, a non-200 or unparsable answer (plain JOSEError from
 * jose's fetch), or a network error (not a JOSEError at all; token parsing errors always are).
 */
function isKeySourceFailure(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  if (error instanceof errors.JOSEError) return error.constructor === errors.JOSEError;
  // Not `instanceof Error`: Node's network errors may come from another realm (e.g. under jest).
  return true;
}

function reasonFor(error: errors.JOSEError): InvalidTokenReason {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return 'claims';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'unknown-key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  return 'malformed';
}

/**
 * Verifies bearer tokens (jose): issuer, audience, expiry (30 s clock tolerance) and a pinned
 * algorithm list. With a JWKS URL: the configured asymmetric algorithms; with the dev secret:
 * HS256 only. Tokens without `exp` are refused.
 */
@Injectable()
export class JwtVerifier {
  private readonly keys: KeySource;
  private readonly verifyOptions: JWTVerifyOptions;

  constructor(@Inject(AUTH_OPTIONS) options: AuthOptions) {
    let algorithms: string[];
    if (options.jwksUrl) {
      algorithms = options.algorithms.length > 0 ? options.algorithms : ['RS256'];
      const refused = algorithms.filter((a) => !ASYMMETRIC_ALGORITHMS.includes(a));
      if (refused.length > 0) throw new Error(`AUTH_JWT_ALGORITHMS: not allowed with a JWKS: ${refused.join(', ')}`);
      this.keys = { kind: 'jwks', getKey: createRemoteJWKSet(new URL(options.jwksUrl)) };
    } else if (options.devSecret) {
      algorithms = ['HS256'];
      this.keys = { kind: 'secret', secret: new TextEncoder().encode(options.devSecret) };
    } else {
      throw new Error('Authentication is not configured: set AUTH_JWKS_URL or AUTH_DEV_SECRET');
    }
    this.verifyOptions = {
      issuer: options.issuer,
      audience: options.audience,
      algorithms,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'sub'],
    };
  }

  /** Resolves the principal or throws InvalidTokenError (or TokenVerificationUnavailableError). */
  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      const result =
        this.keys.kind === 'jwks'
          ? await jwtVerify(token, this.keys.getKey, this.verifyOptions)
          : await jwtVerify(token, this.keys.secret, this.verifyOptions);
      payload = result.payload;
    } catch (error) {
      if (this.keys.kind === 'jwks' && isKeySourceFailure(error)) throw new TokenVerificationUnavailableError();
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(reasonFor(error));
      throw new InvalidTokenError('malformed');
    }
    return this.toPrincipal(payload);
  }

  private toPrincipal(payload: JWTPayload): Principal {
    const subject = payload.sub;
    const tenantId = payload['tenant_id'];
    const rawRoles = payload['roles'];
    if (typeof subject !== 'string' || subject.length === 0) throw new InvalidTokenError('claims');
    if (typeof tenantId !== 'string' || tenantId.length === 0) throw new InvalidTokenError('claims');
    if (!Array.isArray(rawRoles)) throw new InvalidTokenError('claims');
    // Roles we do not know are dropped rather than refused, so an IdP can carry roles of other systems.
    const roles = [...new Set(rawRoles.filter((r): r is Role => typeof r === 'string' && KNOWN_ROLES.has(r)))];
    if (roles.length === 0) throw new InvalidTokenError('claims');
    const principal: Principal = { subject, tenantId, roles };
    const organizationId = optionalString(payload, 'org_id');
    const partnerId = optionalString(payload, 'partner_id');
    if (organizationId) principal.organizationId = organizationId;
    if (partnerId) principal.partnerId = partnerId;
    return principal;
  }
}
