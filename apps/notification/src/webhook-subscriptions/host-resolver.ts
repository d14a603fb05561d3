import { HostResolver, systemResolver } from '../domain/webhook-url-policy';

/** Injection token of the DNS resolver the webhook URL policy uses (the system's; tests may pass their own). */
export const HOST_RESOLVER = Symbol.for('careloop.notification.host-resolver');

export const hostResolverProvider = { provide: HOST_RESOLVER, useValue: systemResolver satisfies HostResolver };
