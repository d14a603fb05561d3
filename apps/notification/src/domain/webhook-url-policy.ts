import { lookup } from 'node:dns/promises';
import { AddressKind, classifyAddress } from './ip-ranges';

/** Resolves a host name to its addresses; injectable so the policy is testable without a network. */
export type HostResolver = (host: string) => Promise<string[]>;

export const systemResolver: HostResolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface WebhookTargetOptions {
  /**
   * Local development only: allows http and private or loopback targets (a receiver in docker compose). Link-local
   * (cloud metadata), multicast, unspecified and reserved addresses stay refused either way.
   */
  readonly allowPrivate: boolean;
  readonly resolve?: HostResolver;
}

export type WebhookTargetRefusal =
  | 'invalid-url'
  | 'unsupported-scheme'
  | 'https-required'
  | 'credentials-in-url'
  | 'forbidden-hostname'
  | 'forbidden-address'
  | 'unresolvable-host';

export type WebhookTargetCheck =
  | {
      readonly ok: true;
      readonly url: string;
      readonly host: string;
      /** The addresses checked: the delivery should connect to one of these (or re-check), to defeat DNS rebinding. */
      readonly addresses: readonly string[];
    }
  | {
      readonly ok: false;
      readonly reason: WebhookTargetRefusal;
      /** For `forbidden-address`: what the offending address is, and whether it came from DNS. */
      readonly addressKind?: AddressKind;
      readonly viaDns?: boolean;
    };

const ALWAYS_ALLOWED: ReadonlySet<AddressKind> = new Set<AddressKind>(['public']);
const ALLOWED_WHEN_PRIVATE: ReadonlySet<AddressKind> = new Set<AddressKind>(['public', 'private', 'loopback']);

/** Whether the platform may connect to this address; also for the HTTP client's lookup hook at connection time. */
export function isAllowedAddress(address: string, options: Pick<WebhookTargetOptions, 'allowPrivate'>): boolean {
  const kind = classifyAddress(address);
  return kind !== undefined && (options.allowPrivate ? ALLOWED_WHEN_PRIVATE : ALWAYS_ALLOWED).has(kind);
}

function isLocalhostName(host: string): boolean {
  // RFC 6761: localhost and everything under it is loopback, whatever a resolver says.
  return host === 'localhost' || host.endsWith('.localhost');
}

/** Decides whether a partner's webhook URL may be registered or called (SSRF guard). */
export async function checkWebhookTarget(rawUrl: string, options: WebhookTargetOptions): Promise<WebhookTargetCheck> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: 'invalid-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'unsupported-scheme' };
  if (url.protocol === 'http:' && !options.allowPrivate) return { ok: false, reason: 'https-required' };
  // Credentials in a URL end up in logs and in the subscription store; partners authenticate by signature instead.
  if (url.username || url.password) return { ok: false, reason: 'credentials-in-url' };

  // WHATWG URL has already normalised odd IPv4 spellings (0x7f.1, 2130706433) to dotted quads.
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (host === '') return { ok: false, reason: 'invalid-url' };

  const literalKind = classifyAddress(host);
  if (literalKind !== undefined) {
    if (!isAllowedAddress(host, options)) return { ok: false, reason: 'forbidden-address', addressKind: literalKind, viaDns: false };
    return { ok: true, url: url.toString(), host, addresses: [host] };
  }

  if (isLocalhostName(host) && !options.allowPrivate) return { ok: false, reason: 'forbidden-hostname' };

  let addresses: string[];
  try {
    addresses = await (options.resolve ?? systemResolver)(host);
  } catch {
    return { ok: false, reason: 'unresolvable-host' };
  }
  if (addresses.length === 0) return { ok: false, reason: 'unresolvable-host' };
  // Every address must pass: a client may connect to any of them.
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind === undefined) return { ok: false, reason: 'unresolvable-host' };
    if (!isAllowedAddress(address, options)) return { ok: false, reason: 'forbidden-address', addressKind: kind, viaDns: true };
  }
  return { ok: true, url: url.toString(), host, addresses };
}
