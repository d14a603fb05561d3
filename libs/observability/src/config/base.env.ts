import { Transform } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const HOST_PORT_LIST = /^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/;

/**
 * `true`/`false`/`1`/`0` for env classes: implicit conversion would turn the string 'false' into
 * `true`. Use with `@IsBoolean()`.
 */
export function EnvBoolean(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const raw = obj[key];
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    return raw;
  });
}

/**
 * Variables every service needs. Services extend it with their own (add class-validator rules to
 * every property: only declared properties are read from the environment).
 *
 * Authentication: production verifies tokens against the identity provider's JWKS only; the
 * shared dev secret (HS256) exists for development and tests and is refused in production.
 */
export class BaseEnv {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @IsDefined({ message: 'is required' })
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  @IsDefined({ message: 'is required' })
  @IsString()
  @MinLength(1)
  SERVICE_NAME!: string;

  @IsDefined({ message: 'is required' })
  @IsString()
  @Matches(HOST_PORT_LIST, { message: 'must be a non-empty comma-separated list of host:port' })
  KAFKA_BROKERS!: string;

  @IsString()
  KAFKA_TOPIC_PREFIX = '';

  @IsDefined({ message: 'is required' })
  @IsString()
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'must be a mongodb:// or mongodb+srv:// URI' })
  MONGODB_URI!: string;

  @IsString()
  MONGODB_DB_PREFIX = '';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @IsString()
  @MinLength(1)
  AUTH_ISSUER = 'careloop-dev';

  @IsString()
  @MinLength(1)
  AUTH_AUDIENCE = 'careloop';

  // Required in production; elsewhere required unless the dev secret is set.
  @ValidateIf((env: BaseEnv) => env.AUTH_JWKS_URL !== undefined || env.NODE_ENV === 'production' || env.AUTH_DEV_SECRET === undefined)
  @IsDefined({
    message: (args: ValidationArguments) =>
      (args.object as BaseEnv).NODE_ENV === 'production'
        ? 'is required in production'
        : 'one of AUTH_JWKS_URL or AUTH_DEV_SECRET must be set',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  @IsString()
  @Matches(/^\s*(RS|PS|ES)(256|384|512)\s*(,\s*(RS|PS|ES)(256|384|512)\s*)*$/, {
    message: 'must be a comma-separated list of asymmetric JWS algorithms (RS256, PS256, ES256, ...)',
  })
  AUTH_JWT_ALGORITHMS = 'RS256';

  // A shared HS256 secret is fine on a laptop, never where real people's data lives.
  @ValidateIf((env: BaseEnv) => env.AUTH_DEV_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  @ValidateBy({
    name: 'notInProduction',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => (args?.object as BaseEnv | undefined)?.NODE_ENV !== 'production',
      defaultMessage: () => 'must not be set in production (use AUTH_JWKS_URL)',
    },
  })
  AUTH_DEV_SECRET?: string;
}
