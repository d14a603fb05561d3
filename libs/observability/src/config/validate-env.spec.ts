import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IsDefined, IsInt, Min } from 'class-validator';
import { BaseEnv } from './base.env';
import { ENV } from './env.token';
import { PlatformConfigModule } from './platform-config.module';
import { validateEnv } from './validate-env';

const DEV_SECRET = 'dev-secret-that-is-at-least-32-chars!!';

const valid: Record<string, string> = {
  PORT: '3001',
  SERVICE_NAME: 'intake',
  KAFKA_BROKERS: '127.0.0.1:9092,kafka-2:9093',
  MONGODB_URI: 'mongodb://127.0.0.1:27017',
  AUTH_DEV_SECRET: DEV_SECRET,
};

class IntakeEnv extends BaseEnv {
  @IsDefined({ message: 'is required' })
  @IsInt()
  @Min(1)
  INTAKE_PAGE_LIMIT!: number;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

describe('validateEnv', () => {
  it('converts types, applies defaults and keeps only declared variables', () => {
    const env = validateEnv(BaseEnv, { ...valid, UNRELATED_SECRET: 'x', KAFKA_TOPIC_PREFIX: '' });
    expect(env).toBeInstanceOf(BaseEnv);
    expect(env.PORT).toBe(3001);
    expect(env.NODE_ENV).toBe('development');
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.AUTH_ISSUER).toBe('careloop-dev');
    expect(env.AUTH_AUDIENCE).toBe('careloop');
    expect(env.AUTH_JWT_ALGORITHMS).toBe('RS256');
    expect(env.KAFKA_TOPIC_PREFIX).toBe('');
    expect(env.MONGODB_DB_PREFIX).toBe('');
    expect(Object.keys(env)).not.toContain('UNRELATED_SECRET');
  });

  it('lists every problem by name, one per line, without any value', () => {
    const message = errorOf(() =>
      validateEnv(BaseEnv, {
        NODE_ENV: 'staging',
        PORT: '70000',
        KAFKA_BROKERS: 'no-port-here',
        MONGODB_URI: 'postgres://user:hunter2-password@db:5432',
        LOG_LEVEL: 'loud',
        AUTH_DEV_SECRET: 'short-secret-value',
      }),
    );
    const lines = message.split('\n').slice(1);
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}- NODE_ENV: must be one of/),
      expect.stringMatching(/^ {2}- PORT: must not be greater than 65535$/),
      '  - SERVICE_NAME: is required',
      '  - KAFKA_BROKERS: must be a non-empty comma-separated list of host:port',
      '  - MONGODB_URI: must be a mongodb:// or mongodb+srv:// URI',
      expect.stringMatching(/^ {2}- LOG_LEVEL: must be one of/),
      '  - AUTH_DEV_SECRET: must be at least 32 characters long',
    ]);
    for (const secret of ['staging', '70000', 'no-port-here', 'hunter2', 'loud', 'short-secret-value']) {
      expect(message).not.toContain(secret);
    }
  });

  it('reports variables of a service subclass too', () => {
    const message = errorOf(() => validateEnv(IntakeEnv, valid));
    expect(message).toContain('  - INTAKE_PAGE_LIMIT: is required');
    expect(validateEnv(IntakeEnv, { ...valid, INTAKE_PAGE_LIMIT: '20' }).INTAKE_PAGE_LIMIT).toBe(20);
  });

  it('rejects HS and none algorithms for the JWKS path', () => {
    expect(errorOf(() => validateEnv(BaseEnv, { ...valid, AUTH_JWT_ALGORITHMS: 'RS256,HS256' }))).toContain('  - AUTH_JWT_ALGORITHMS:');
    expect(errorOf(() => validateEnv(BaseEnv, { ...valid, AUTH_JWT_ALGORITHMS: 'none' }))).toContain('  - AUTH_JWT_ALGORITHMS:');
    expect(validateEnv(BaseEnv, { ...valid, AUTH_JWT_ALGORITHMS: 'RS256, ES256' }).AUTH_JWT_ALGORITHMS).toBe('RS256, ES256');
  });

  describe('authentication cross-field rule', () => {
    const { AUTH_DEV_SECRET: _omit, ...withoutAuth } = valid;
    const jwks = 'https://idp.example.test/.well-known/jwks.json';

    it('production requires AUTH_JWKS_URL', () => {
      const message = errorOf(() => validateEnv(BaseEnv, { ...withoutAuth, NODE_ENV: 'production' }));
      expect(message).toContain('  - AUTH_JWKS_URL: is required in production');
    });

    it('production forbids AUTH_DEV_SECRET even with a JWKS URL', () => {
      const message = errorOf(() => validateEnv(BaseEnv, { ...valid, NODE_ENV: 'production', AUTH_JWKS_URL: jwks }));
      expect(message).toContain('  - AUTH_DEV_SECRET: must not be set in production');
      expect(message).not.toContain(DEV_SECRET);
    });

    it('production accepts a JWKS URL alone', () => {
      expect(validateEnv(BaseEnv, { ...withoutAuth, NODE_ENV: 'production', AUTH_JWKS_URL: jwks }).AUTH_JWKS_URL).toBe(jwks);
    });

    it('non-production requires one of the two', () => {
      const message = errorOf(() => validateEnv(BaseEnv, { ...withoutAuth, NODE_ENV: 'test' }));
      expect(message).toContain('  - AUTH_JWKS_URL: one of AUTH_JWKS_URL or AUTH_DEV_SECRET must be set');
      expect(validateEnv(BaseEnv, { ...withoutAuth, AUTH_JWKS_URL: 'http://127.0.0.1:4000/jwks' }).AUTH_DEV_SECRET).toBeUndefined();
      expect(validateEnv(BaseEnv, valid).AUTH_DEV_SECRET).toBe(DEV_SECRET);
    });

    it('treats an empty variable as unset', () => {
      const message = errorOf(() => validateEnv(BaseEnv, { ...withoutAuth, AUTH_DEV_SECRET: '', AUTH_JWKS_URL: '' }));
      expect(message).toContain('  - AUTH_JWKS_URL: one of AUTH_JWKS_URL or AUTH_DEV_SECRET must be set');
    });

    it('rejects a JWKS URL that is not http(s)', () => {
      expect(errorOf(() => validateEnv(BaseEnv, { ...valid, AUTH_JWKS_URL: 'ftp://idp/jwks' }))).toContain('  - AUTH_JWKS_URL: must be an http(s) URL');
    });
  });
});

@Injectable()
class UsesEnv {
  constructor(readonly env: IntakeEnv) {}
}

@Module({ providers: [UsesEnv] })
class FeatureModule {}

describe('PlatformConfigModule', () => {
  it('provides the validated instance globally under ENV and its class', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformConfigModule.forRoot(IntakeEnv, { ...valid, INTAKE_PAGE_LIMIT: '5' }), FeatureModule],
    }).compile();
    expect(moduleRef.get<IntakeEnv>(ENV).INTAKE_PAGE_LIMIT).toBe(5);
    expect(moduleRef.get(UsesEnv).env).toBe(moduleRef.get(ENV));
  });

  it('fails start-up with the clear message', async () => {
    await expect(Test.createTestingModule({ imports: [PlatformConfigModule.forRoot(BaseEnv, {})] }).compile()).rejects.toThrow(
      /Invalid configuration \(BaseEnv\):\n {2}- PORT: is required/,
    );
  });
});
