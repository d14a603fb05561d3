import { MongoServerError } from 'mongodb';

/**
 * True for a unique-index violation, optionally of one named index. The index is read from the error message
 * (`... index: <name> dup key: ...` on both servers) because mongo-java-server (development and CI) does not fill
 * `keyPattern`/`keyValue`. Never surface the message itself: real MongoDB puts the duplicated value in it.
 */
export function isDuplicateKeyError(err: unknown, indexName?: string): boolean {
  if (!(err instanceof MongoServerError) && !(typeof err === 'object' && err !== null && 'code' in err)) return false;
  const code = (err as { code?: unknown }).code;
  if (code !== 11000 && code !== 11001) return false;
  if (!indexName) return true;
  const message = String((err as { message?: unknown }).message ?? '');
  return message.includes(`index: ${indexName} dup key`);
}
