import { createHash } from 'node:crypto';

const NAMESPACE = 'careloop:care-planning';

/**
 * A UUID-shaped id hashed from its parts (name-based, like UUID v5 but with SHA-256). Effects of an event derive their
 * ids from the event id, so applying the same event twice produces the same ids instead of a second set of records.
 */
export function derivedId(...parts: readonly string[]): string {
  const bytes = Buffer.from(
    createHash('sha256')
      .update([NAMESPACE, ...parts].join('\u001f'))
      .digest()
      .subarray(0, 16),
  );
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Deterministic id generator for the domain functions that take `ids: () => string`. */
export function derivedIdSequence(...seed: readonly string[]): () => string {
  let n = 0;
  return () => derivedId(...seed, String(n++));
}
