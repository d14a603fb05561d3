import { SetMetadata } from '@nestjs/common';

/** A dependency the service cannot serve without (database, broker). */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

/**
 * Injection token of every registered check, as `ReadinessCheck[]`. Nest has no multi-providers,
 * so ReadinessModule fills this array at start-up with every provider marked
 * `@RegisterReadinessCheck()`, wherever it is declared.
 */
export const READINESS_CHECKS = Symbol.for('careloop.readiness-checks');

export const READINESS_CHECK_METADATA = 'careloop:readiness-check';

/** Marks a provider class as a readiness check to be collected under READINESS_CHECKS. */
export function RegisterReadinessCheck(): ClassDecorator {
  return SetMetadata(READINESS_CHECK_METADATA, true);
}
