import { Roles as RoleNames } from '@careloop/contracts';
import { Test } from '@nestjs/testing';
import { AUTH_OPTIONS, AuthOptions, authOptionsFromEnv } from './auth-options';
import { InvalidTokenError } from './invalid-token.error';
import { JwtVerifier } from './jwt-verifier.service';
import { mintDevToken } from './mint-dev-token';

const SECRET = 'test-only-dev-secret-0123456789abcdef';
const options: AuthOptions = { issuer: 'careloop-test', audience: 'careloop', algorithms: ['RS256'], devSecret: SECRET };

async function verifierWith(opts: AuthOptions): Promise<JwtVerifier> {
  const moduleRef = await Test.createTestingModule({ providers: [JwtVerifier, { provide: AUTH_OPTIONS, useValue: opts }] }).compile();
  return moduleRef.get(JwtVerifier);
}

describe('JwtVerifier', () => {
  it('refuses symmetric or missing algorithms for a JWKS at construction', () => {
    const jwks = { ...options, devSecret: undefined, jwksUrl: 'http://127.0.0.1:1/jwks' };
    expect(() => new JwtVerifier({ ...jwks, algorithms: ['RS256', 'HS256'] })).toThrow(/not allowed with a JWKS: HS256/);
    expect(() => new JwtVerifier({ ...jwks, algorithms: ['none'] })).toThrow(/not allowed/);
    expect(() => new JwtVerifier({ ...options, devSecret: undefined })).toThrow(/AUTH_JWKS_URL or AUTH_DEV_SECRET/);
    expect(() => new JwtVerifier({ ...jwks, algorithms: ['ES256', 'PS256'] })).not.toThrow();
  });

  it('maps the environment to options', () => {
    expect(
      authOptionsFromEnv({
        AUTH_ISSUER: 'i',
        AUTH_AUDIENCE: 'a',
        AUTH_JWKS_URL: 'https://idp.example.test/jwks',
        AUTH_JWT_ALGORITHMS: 'RS256, ES256',
        AUTH_DEV_SECRET: undefined,
      }),
    ).toEqual({ issuer: 'i', audience: 'a', jwksUrl: 'https://idp.example.test/jwks', algorithms: ['RS256', 'ES256'], devSecret: undefined });
  });

  it('returns the principal of a dev token', async () => {
    const verifier = await verifierWith(options);
    const token = await mintDevToken({
      secret: SECRET,
      issuer: 'careloop-test',
      audience: 'careloop',
      subject: 'user-0002',
      tenantId: 'tenant-a',
      roles: [RoleNames.Organization],
      organizationId: 'org-0002',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'user-0002',
      tenantId: 'tenant-a',
      roles: ['organization'],
      organizationId: 'org-0002',
    });
  });

  it('gives a reason code and never the token in its errors', async () => {
    const verifier = await verifierWith(options);
    const expired = await mintDevToken({
      secret: SECRET,
      issuer: 'careloop-test',
      audience: 'careloop',
      subject: 'user-0002',
      tenantId: 'tenant-a',
      roles: [RoleNames.Admin],
      expiresIn: Math.floor(Date.now() / 1000) - 120,
    });
    const error = await verifier.verify(expired).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as InvalidTokenError).reason).toBe('expired');
    expect(String((error as Error).message)).not.toContain(expired);
    expect(JSON.stringify(error)).not.toContain('user-0002');
  });

  it('mintDevToken refuses a short secret', async () => {
    await expect(
      mintDevToken({ secret: 'short', issuer: 'i', audience: 'a', subject: 's', tenantId: 't', roles: [RoleNames.Admin] }),
    ).rejects.toThrow(/at least 32/);
  });
});
