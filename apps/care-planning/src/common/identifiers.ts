import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@careloop/runtime';
import { createHash } from 'node:crypto';

/** The contracts' identifier rule (`Id` in @careloop/contracts): opaque, never a name. */
export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const ID_MESSAGE = 'must be an identifier (1-128 letters, digits, . _ : -)';

/** Rejects a path parameter that cannot be an identifier with a field-level 400, before any lookup. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      throw new RequestValidationError([{ field: metadata.data ?? 'id', messages: [`${metadata.data ?? 'id'} ${ID_MESSAGE}`] }]);
    }
    return value;
  }
}

/**
 * The id events carry for a human actor. Token subjects are usually identifiers already; one that is not (an e-mail
 * address from an identity provider) is hashed, so no event ever carries it and the payload schema still holds.
 */
export function actorIdOf(subject: string): string {
  if (ID_PATTERN.test(subject)) return subject;
  return `subject-${createHash('sha256').update(subject).digest('hex').slice(0, 32)}`;
}

/** The platform itself, for changes made while handling an event. */
export const SYSTEM_ACTOR_ID = 'care-planning';
