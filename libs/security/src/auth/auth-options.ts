import type { BaseEnv } from '@careloop/observability';

export const AUTH_OPTIONS = Symbol.for('careloop.auth-options');

export interface AuthOptions {
  issuer: string;
  audience: string;
  /** Identity provider keys; when set, only asymmetric algorithms are accepted. */
  jwksUrl?: string;
  /** Algorithms accepted with the JWKS (from AUTH_JWT_ALGORITHMS). */
  algorithms: string[];
  /** Shared HS256 secret for development and tests; ignored when jwksUrl is set. */
  devSecret?: string;
}

export type AuthEnv = Pick<BaseEnv, 'AUTH_ISSUER' | 'AUTH_AUDIENCE' | 'AUTH_JWKS_URL' | 'AUTH_JWT_ALGORITHMS' | 'AUTH_DEV_SECRET'>;

export function authOptionsFromEnv(env: AuthEnv): AuthOptions {
  return {
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    jwksUrl: env.AUTH_JWKS_URL,
    algorithms: (env.AUTH_JWT_ALGORITHMS ?? 'RS256')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    devSecret: env.AUTH_DEV_SECRET,
  };
}
