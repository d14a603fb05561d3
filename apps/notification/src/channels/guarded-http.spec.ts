import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ForbiddenTargetError, RequestTimeoutError, postJson } from './guarded-http';

describe('postJson (webhook HTTP client)', () => {
  let server: Server;
  let port: number;
  const seen: Array<{ url?: string; body: string; headers: Record<string, unknown> }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ url: req.url, body, headers: req.headers });
        if (req.url === '/redirect') res.writeHead(302, { location: '/ok' }).end();
        else if (req.url === '/busy') res.writeHead(503, { 'retry-after': '30' }).end();
        else if (req.url === '/hang') return; // never answers
        else res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const options = { timeoutMs: 2_000, allowPrivate: true };

  it('posts the body with its headers and reports the status', async () => {
    const result = await postJson(`http://127.0.0.1:${port}/ok`, '{"a":1}', { 'webhook-id': 'm-1' }, options);
    expect(result.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ url: '/ok', body: '{"a":1}', headers: { 'webhook-id': 'm-1', 'content-type': 'application/json' } });
  });

  it('does not follow redirects', async () => {
    const before = seen.length;
    const result = await postJson(`http://127.0.0.1:${port}/redirect`, '{}', {}, options);
    expect(result.status).toBe(302);
    expect(seen.slice(before).map((s) => s.url)).toEqual(['/redirect']);
  });

  it('passes Retry-After on', async () => {
    expect(await postJson(`http://127.0.0.1:${port}/busy`, '{}', {}, options)).toEqual({ status: 503, retryAfter: '30' });
  });

  it('gives up at the deadline', async () => {
    await expect(postJson(`http://127.0.0.1:${port}/hang`, '{}', {}, { timeoutMs: 200, allowPrivate: true })).rejects.toBeInstanceOf(
      RequestTimeoutError,
    );
  });

  it('refuses at connection time a host name that resolves to a forbidden address', async () => {
    await expect(postJson(`http://localhost:${port}/ok`, '{}', {}, { timeoutMs: 2_000, allowPrivate: false })).rejects.toBeInstanceOf(
      ForbiddenTargetError,
    );
    expect((await postJson(`http://localhost:${port}/ok`, '{}', {}, options)).status).toBe(200);
  });
});
