import { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';
import { isAllowedAddress } from '../domain/webhook-url-policy';

/** The connection would have reached an address the URL policy forbids (DNS changed since the check: rebinding). */
export class ForbiddenTargetError extends Error {
  constructor() {
    super('webhook target resolved to a forbidden address');
    this.name = 'ForbiddenTargetError';
  }
}

export class RequestTimeoutError extends Error {
  constructor() {
    super('webhook request timed out');
    this.name = 'RequestTimeoutError';
  }
}

/** A DNS lookup for the HTTP client that refuses to hand over any address the policy forbids, at connection time. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
      if (err) {
        callback(err, '', 0);
        return;
      }
      if (addresses.length === 0 || addresses.some((a) => !isAllowedAddress(a.address, { allowPrivate }))) {
        callback(new ForbiddenTargetError(), '', 0);
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export interface PostResult {
  readonly status: number;
  readonly retryAfter?: string;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs a body without following redirects (a redirect could lead past the URL policy), with one deadline for the
 * whole exchange. The response body is read (so the connection can close cleanly) and dropped.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { readonly timeoutMs: number; readonly allowPrivate: boolean },
): Promise<PostResult> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowPrivate),
        agent: false,
      },
      (res: IncomingMessage) => {
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) res.destroy();
        });
        const done = (): void => {
          clearTimeout(timer);
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, ...(typeof retryAfter === 'string' ? { retryAfter } : {}) });
        };
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    const timer = setTimeout(() => req.destroy(new RequestTimeoutError()), options.timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}
