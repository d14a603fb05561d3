export type InvalidTokenReason = 'missing' | 'malformed' | 'expired' | 'signature' | 'claims' | 'algorithm' | 'unknown-key';

/**
 * A token was refused. Carries a reason code for diagnostics, never the token or its claims'
 * values (they identify a person).
 */
export class InvalidTokenError extends Error {
  constructor(readonly reason: InvalidTokenReason) {
    super(`Invalid bearer token (${reason})`);
    this.name = 'InvalidTokenError';
  }
}

/** The key source (JWKS) could not be reached: not the caller's fault. */
export class TokenVerificationUnavailableError extends Error {
  constructor() {
    super('Token verification keys are unavailable');
    this.name = 'TokenVerificationUnavailableError';
  }
}
