/// <reference types="jest" />
import { HostResolver, checkWebhookTarget, isAllowedAddress } from './webhook-url-policy';

function resolverOf(table: Record<string, string[]>): HostResolver & jest.Mock {
  return jest.fn(async (host: string) => {
    const found = table[host];
    if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return found;
  });
}

const publicDns = resolverOf({
  'hooks.partner.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'rebind.partner.example': ['93.184.216.34', '10.0.0.5'],
  'metadata.partner.example': ['169.254.169.254'],
  'loop.partner.example': ['127.0.0.1'],
  'mapped.partner.example': ['::ffff:192.168.0.1'],
  'dev-receiver': ['172.18.0.4'],
  'empty.partner.example': [],
});

describe('checkWebhookTarget', () => {
  const strict = { allowPrivate: false, resolve: publicDns };
  const dev = { allowPrivate: true, resolve: publicDns };

  it('accepts an https URL whose host resolves only to public addresses, returning them for pinning', async () => {
    await expect(checkWebhookTarget('https://hooks.partner.example/careloop', strict)).resolves.toEqual({
      ok: true,
      url: 'https://hooks.partner.example/careloop',
      host: 'hooks.partner.example',
      addresses: ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    });
  });

  it('requires https unless private targets are allowed', async () => {
    await expect(checkWebhookTarget('http://hooks.partner.example/x', strict)).resolves.toEqual({ ok: false, reason: 'https-required' });
    await expect(checkWebhookTarget('http://hooks.partner.example/x', dev)).resolves.toMatchObject({ ok: true });
  });

  it.each([
    ['not a url', 'invalid-url'],
    ['ftp://hooks.partner.example/', 'unsupported-scheme'],
    ['file:///etc/passwd', 'unsupported-scheme'],
    ['https://user:secret@hooks.partner.example/', 'credentials-in-url'],
  ])('refuses %s (%s)', async (url, reason) => {
    await expect(checkWebhookTarget(url, strict)).resolves.toMatchObject({ ok: false, reason });
  });

  it.each([
    ['https://127.0.0.1/', 'loopback'],
    ['https://127.1/', 'loopback'],
    ['https://2130706433/', 'loopback'],
    ['https://0x7f.0.0.1/', 'loopback'],
    ['https://[::1]:8443/', 'loopback'],
    ['https://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://10.1.2.3/', 'private'],
    ['https://172.20.0.1/', 'private'],
    ['https://192.168.0.1/', 'private'],
    ['https://[fd00::1]/', 'private'],
    ['https://169.254.169.254/latest/meta-data/', 'link-local'],
    ['https://[fe80::1]/', 'link-local'],
    ['https://0.0.0.0/', 'unspecified'],
  ])('refuses the literal address in %s (%s)', async (url, addressKind) => {
    await expect(checkWebhookTarget(url, strict)).resolves.toEqual({ ok: false, reason: 'forbidden-address', addressKind, viaDns: false });
  });

  it.each([
    ['https://loop.partner.example/', 'loopback'],
    ['https://metadata.partner.example/', 'link-local'],
    ['https://mapped.partner.example/', 'private'],
    ['https://rebind.partner.example/', 'private'],
  ])('refuses %s, which resolves to a %s address', async (url, addressKind) => {
    await expect(checkWebhookTarget(url, strict)).resolves.toEqual({ ok: false, reason: 'forbidden-address', addressKind, viaDns: true });
  });

  it('refuses localhost names without asking DNS', async () => {
    const resolve = resolverOf({ localhost: ['93.184.216.34'], 'api.localhost': ['93.184.216.34'] });
    await expect(checkWebhookTarget('https://localhost/', { allowPrivate: false, resolve })).resolves.toMatchObject({
      reason: 'forbidden-hostname',
    });
    await expect(checkWebhookTarget('https://API.localhost./', { allowPrivate: false, resolve })).resolves.toMatchObject({
      reason: 'forbidden-hostname',
    });
    expect(resolve).not.toHaveBeenCalled();
  });

  it('refuses a host that does not resolve', async () => {
    await expect(checkWebhookTarget('https://nowhere.partner.example/', strict)).resolves.toEqual({ ok: false, reason: 'unresolvable-host' });
    await expect(checkWebhookTarget('https://empty.partner.example/', strict)).resolves.toEqual({ ok: false, reason: 'unresolvable-host' });
  });

  it('lets a development setup reach private and loopback receivers, never link-local', async () => {
    await expect(checkWebhookTarget('http://dev-receiver:8080/hooks', dev)).resolves.toMatchObject({ ok: true, addresses: ['172.18.0.4'] });
    await expect(checkWebhookTarget('http://127.0.0.1:9000/', dev)).resolves.toMatchObject({ ok: true });
    await expect(checkWebhookTarget('http://localhost:9000/', { allowPrivate: true, resolve: resolverOf({ localhost: ['127.0.0.1'] }) })).resolves.toMatchObject({ ok: true });
    await expect(checkWebhookTarget('http://169.254.169.254/', dev)).resolves.toMatchObject({ ok: false, addressKind: 'link-local' });
    await expect(checkWebhookTarget('https://metadata.partner.example/', dev)).resolves.toMatchObject({ ok: false, addressKind: 'link-local' });
  });
});

describe('isAllowedAddress', () => {
  it('is the same rule at connection time', () => {
    expect(isAllowedAddress('93.184.216.34', { allowPrivate: false })).toBe(true);
    expect(isAllowedAddress('10.0.0.1', { allowPrivate: false })).toBe(false);
    expect(isAllowedAddress('10.0.0.1', { allowPrivate: true })).toBe(true);
    expect(isAllowedAddress('169.254.169.254', { allowPrivate: true })).toBe(false);
    expect(isAllowedAddress('not-an-ip', { allowPrivate: true })).toBe(false);
  });
});
