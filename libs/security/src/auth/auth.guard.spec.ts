import { ALL_ROLES, Role, Roles as RoleNames } from '@careloop/contracts';
import { BaseEnv, PlatformConfigModule, RequestContext, RequestContextData } from '@careloop/observability';
import { Controller, Get } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { exportJWK, exportSPKI, generateKeyPair, JWTPayload, KeyLike, SignJWT, UnsecuredJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AuditEntry } from '../audit/audit-event';
import { AuditService } from '../audit/audit.service';
import { AUDIT_EVENT_MODEL } from '../audit/schemas/audit-event.schema';
import { SecurityModule } from '../security.module';
import { CurrentPrincipal, Public, Roles } from './auth.decorators';
import { UNAUTHENTICATED_MESSAGE } from './auth.guard';
import { mintDevToken } from './mint-dev-token';
import type { Principal } from './principal';

const SECRET = 'test-only-dev-secret-0123456789abcdef';
const ISSUER = 'careloop-test';
const AUDIENCE = 'careloop';

const baseEnv = {
  PORT: '3000',
  SERVICE_NAME: 'security-spec',
  KAFKA_BROKERS: '127.0.0.1:9092',
  MONGODB_URI: 'mongodb://127.0.0.1:1',
  NODE_ENV: 'test',
  AUTH_ISSUER: ISSUER,
  AUTH_AUDIENCE: AUDIENCE,
};

@Controller('probe')
class ProbeController {
  @Public()
  @Get('public')
  open(): { ok: true } {
    return { ok: true };
  }

  @Roles(...ALL_ROLES)
  @Get('any')
  any(@CurrentPrincipal() principal: Principal): { principal: Principal; context: RequestContextData | undefined } {
    return { principal, context: RequestContext.current() };
  }

  @Get('undeclared')
  undeclared(): { ok: true } {
    return { ok: true };
  }

  @Roles(RoleNames.Supervisor, RoleNames.Admin)
  @Get('supervised/:id')
  supervised(@CurrentPrincipal() principal: Principal): { principal: Principal } {
    return { principal };
  }
}

@Public()
@Controller('open')
class OpenController {
  @Get()
  open(): { ok: true } {
    return { ok: true };
  }
}

interface RecordedAudit {
  entry: AuditEntry;
  context: RequestContextData | undefined;
}

class FakeAuditService {
  readonly recorded: RecordedAudit[] = [];

  async record(entry: AuditEntry): Promise<void> {
    this.recorded.push({ entry, context: structuredClone(RequestContext.current()) });
  }
}

async function buildApp(env: Record<string, string>, audit: FakeAuditService): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [PlatformConfigModule.forRoot(BaseEnv, { ...baseEnv, ...env }), SecurityModule.forRoot()],
    controllers: [ProbeController, OpenController],
  })
    // The audit store is a boundary: the real one is covered by audit.int-spec.ts.
    .overrideProvider(getModelToken(AUDIT_EVENT_MODEL))
    .useValue({})
    .overrideProvider(AuditService)
    .useValue(audit)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

function get(app: NestFastifyApplication, url: string, token?: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
}

const devToken = (overrides: Partial<Parameters<typeof mintDevToken>[0]> = {}): Promise<string> =>
  mintDevToken({
    secret: SECRET,
    issuer: ISSUER,
    audience: AUDIENCE,
    subject: 'user-0001',
    tenantId: 'tenant-a',
    roles: [RoleNames.CareManager],
    ...overrides,
  });

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

describe('AuthGuard with the dev secret (HS256)', () => {
  const audit = new FakeAuditService();
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await buildApp({ AUTH_DEV_SECRET: SECRET }, audit);
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    audit.recorded.length = 0;
  });

  it('lets public routes and public controllers through without a token', async () => {
    expect((await get(app, '/probe/public')).statusCode).toBe(200);
    expect((await get(app, '/open')).statusCode).toBe(200);
  });

  it('refuses a missing or malformed bearer with a generic 401', async () => {
    for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not-a-jwt', 'Bearer a.b.c']) {
      const res = await app.inject({ method: 'GET', url: '/probe/any', headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toBe(UNAUTHENTICATED_MESSAGE);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('accepts a valid token, exposes the principal and fills the RequestContext', async () => {
    const token = await devToken({ organizationId: 'org-0001' });
    const res = await get(app, '/probe/any', token, { 'x-correlation-id': 'corr-auth-1', 'x-purpose-of-use': 'treatment' });
    expect(res.statusCode).toBe(200);
    const expected = { subject: 'user-0001', tenantId: 'tenant-a', roles: ['care-manager'], organizationId: 'org-0001' };
    expect(res.json()).toEqual({
      principal: expected,
      context: { correlationId: 'corr-auth-1', tenantId: 'tenant-a', principal: expected, purposeOfUse: 'treatment' },
    });
  });

  it('refuses an expired token (beyond the 30 s tolerance) and accepts one within it', async () => {
    const expired = await devToken({ expiresIn: nowSeconds() - 60 });
    const res = await get(app, '/probe/any', expired);
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain(expired);
    expect((await get(app, '/probe/any', await devToken({ expiresIn: nowSeconds() - 10 }))).statusCode).toBe(200);
  });

  it('refuses a wrong issuer, a wrong audience and a wrong secret', async () => {
    expect((await get(app, '/probe/any', await devToken({ issuer: 'someone-else' }))).statusCode).toBe(401);
    expect((await get(app, '/probe/any', await devToken({ audience: 'other-api' }))).statusCode).toBe(401);
    expect((await get(app, '/probe/any', await devToken({ secret: 'another-secret-0123456789abcdef-xyz' }))).statusCode).toBe(401);
  });

  it("refuses an unsigned ('none') token", async () => {
    const unsigned = new UnsecuredJWT({ tenant_id: 'tenant-a', roles: ['admin'] })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('user-0001')
      .setExpirationTime('1h')
      .encode();
    expect((await get(app, '/probe/any', unsigned)).statusCode).toBe(401);
  });

  it('refuses tokens without exp, sub or tenant, or with no known role; drops unknown roles', async () => {
    const sign = (claims: JWTPayload, build: (jwt: SignJWT) => SignJWT = (j) => j.setExpirationTime('1h')) =>
      build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setAudience(AUDIENCE)).sign(
        new TextEncoder().encode(SECRET),
      );
    const valid = { sub: 'user-0001', tenant_id: 'tenant-a', roles: ['admin'] };
    expect((await get(app, '/probe/any', await sign(valid))).statusCode).toBe(200);
    expect((await get(app, '/probe/any', await sign(valid, (j) => j))).statusCode).toBe(401);
    expect((await get(app, '/probe/any', await sign({ ...valid, sub: undefined }))).statusCode).toBe(401);
    expect((await get(app, '/probe/any', await sign({ ...valid, tenant_id: undefined }))).statusCode).toBe(401);
    expect((await get(app, '/probe/any', await sign({ ...valid, roles: 'admin' }))).statusCode).toBe(401);
    expect((await get(app, '/probe/any', await sign({ ...valid, roles: ['root', 'superuser'] }))).statusCode).toBe(401);
    expect((await get(app, '/probe/any', await sign({ ...valid, org_id: 42 }))).statusCode).toBe(401);
    const mixed = await get(app, '/probe/any', await sign({ ...valid, roles: ['root', 'partner', 'partner'], partner_id: 'partner-0001' }));
    expect(mixed.json().principal).toEqual({ subject: 'user-0001', tenantId: 'tenant-a', roles: ['partner'], partnerId: 'partner-0001' });
  });

  it('answers 403 to a principal lacking every required role, and audits the denial', async () => {
    const res = await get(app, '/probe/supervised/client-0001', await devToken({ roles: [RoleNames.Provider, RoleNames.Partner] }));
    expect(res.statusCode).toBe(403);
    expect(audit.recorded).toHaveLength(1);
    expect(audit.recorded[0]?.entry).toEqual({
      action: 'access-denied',
      resourceType: 'http-route',
      resourceId: 'GET /probe/supervised/:id',
      outcome: 'denied',
    });
    expect(audit.recorded[0]?.context?.principal?.subject).toBe('user-0001');
  });

  it('refuses a route that declares no roles to every principal, even an admin', async () => {
    const res = await get(app, '/probe/undeclared', await devToken({ roles: [...ALL_ROLES] }));
    expect(res.statusCode).toBe(403);
  });

  it('answers 200 to a principal holding one of the required roles', async () => {
    const roles: Role[] = [RoleNames.CareManager, RoleNames.Supervisor];
    const res = await get(app, '/probe/supervised/client-0001', await devToken({ roles }));
    expect(res.statusCode).toBe(200);
    expect(res.json().principal).toMatchObject({ subject: 'user-0001', roles });
    expect(audit.recorded).toHaveLength(0);
  });
});

describe('AuthGuard with a JWKS (RS256 pinned)', () => {
  const audit = new FakeAuditService();
  let app: NestFastifyApplication;
  let jwksServer: Server;
  let rsaPrivate: KeyLike;
  let rsaPublic: KeyLike;
  let ecPrivate: KeyLike;
  let strangerPrivate: KeyLike;

  const rsToken = (key: KeyLike, alg = 'RS256', kid = 'rsa-1', claims: JWTPayload = {}): Promise<string> =>
    new SignJWT({ tenant_id: 'tenant-b', roles: ['admin'], ...claims })
      .setProtectedHeader({ alg, kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('idp-user-0001')
      .setExpirationTime('5m')
      .sign(key);

  beforeAll(async () => {
    ({ privateKey: rsaPrivate, publicKey: rsaPublic } = await generateKeyPair('RS256'));
    const ec = await generateKeyPair('ES256');
    ecPrivate = ec.privateKey;
    strangerPrivate = (await generateKeyPair('RS256')).privateKey;
    const keys = [
      { ...(await exportJWK(rsaPublic)), kid: 'rsa-1', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', use: 'sig' },
    ];
    jwksServer = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as AddressInfo;
    app = await buildApp({ AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`, AUTH_JWT_ALGORITHMS: 'RS256' }, audit);
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  it('accepts an RS256 token signed by a key of the JWKS', async () => {
    const res = await get(app, '/probe/supervised/x', await rsToken(rsaPrivate));
    expect(res.statusCode).toBe(200);
    expect(res.json().principal).toEqual({ subject: 'idp-user-0001', tenantId: 'tenant-b', roles: ['admin'] });
  });

  it('refuses a key outside the JWKS, an algorithm not pinned, and HS256 made with the public key', async () => {
    expect((await get(app, '/probe/any', await rsToken(strangerPrivate))).statusCode).toBe(401);
    expect((await get(app, '/probe/any', await rsToken(ecPrivate, 'ES256', 'ec-1'))).statusCode).toBe(401);
    // The classic confusion attack: the public key used as an HMAC secret.
    const pem = new TextEncoder().encode(await exportSPKI(rsaPublic));
    const hs = await new SignJWT({ tenant_id: 'tenant-b', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('attacker')
      .setExpirationTime('5m')
      .sign(pem);
    expect((await get(app, '/probe/any', hs)).statusCode).toBe(401);
    expect((await get(app, '/probe/any', await devToken())).statusCode).toBe(401);
  });

  it('refuses a wrong issuer or audience even when correctly signed', async () => {
    const wrongIss = await new SignJWT({ tenant_id: 'tenant-b', roles: ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setIssuer('evil-idp')
      .setAudience(AUDIENCE)
      .setSubject('u')
      .setExpirationTime('5m')
      .sign(rsaPrivate);
    expect((await get(app, '/probe/any', wrongIss)).statusCode).toBe(401);
    const wrongAud = await new SignJWT({ tenant_id: 'tenant-b', roles: ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setIssuer(ISSUER)
      .setAudience('another-api')
      .setSubject('u')
      .setExpirationTime('5m')
      .sign(rsaPrivate);
    expect((await get(app, '/probe/any', wrongAud)).statusCode).toBe(401);
  });
});

describe('AuthGuard when the JWKS cannot be reached', () => {
  it('answers 503, not 401', async () => {
    const audit = new FakeAuditService();
    const { privateKey } = await generateKeyPair('RS256');
    const app = await buildApp({ AUTH_JWKS_URL: 'http://127.0.0.1:1/jwks' }, audit);
    const token = await new SignJWT({ tenant_id: 't', roles: ['admin'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('u')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await get(app, '/probe/any', token)).statusCode).toBe(503);
    await app.close();
  });
});

