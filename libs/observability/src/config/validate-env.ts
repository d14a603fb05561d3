import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';

/** Property names the class declares rules for, including inherited ones. */
function declaredKeys<T extends object>(cls: new () => T): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const keys = new Set(metadata.map((m) => m.propertyName));
  for (const key of Object.keys(new cls())) keys.add(key);
  return keys;
}

function describe(error: ValidationError, prefix = ''): string[] {
  const name = `${prefix}${error.property}`;
  // A missing variable only needs one line, not every rule its absent value also breaks.
  const constraints = error.constraints?.['isDefined'] ? { isDefined: error.constraints['isDefined'] } : error.constraints;
  const own = Object.values(constraints ?? {}).map((message) =>
    // class-validator starts its messages with the property name; the line already names it.
    message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
  );
  const lines = own.length > 0 ? [`  - ${name}: ${own.join('; ')}`] : [];
  for (const child of error.children ?? []) lines.push(...describe(child, `${name}.`));
  return lines;
}

/**
 * Validates raw configuration (usually `process.env`) against an env class and returns the typed
 * instance. Only keys the class declares are kept, so the instance never carries unrelated
 * (possibly secret) variables. Empty strings count as unset, so defaults apply to `FOO=`.
 * The error lists every problem by variable name and never echoes a value: it may be a secret.
 */
export function validateEnv<T extends object>(cls: new () => T, raw: Record<string, unknown>): T {
  const keys = declaredKeys(cls);
  const plain: Record<string, unknown> = {};
  for (const key of keys) {
    const value = raw[key];
    if (value !== undefined && value !== '') plain[key] = value;
  }
  const instance = plainToInstance(cls, plain, { enableImplicitConversion: true });
  const errors = validateSync(instance, {
    skipMissingProperties: false,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    const lines = errors.flatMap((error) => describe(error));
    throw new Error(`Invalid configuration (${cls.name}):\n${lines.join('\n')}`);
  }
  return instance;
}
