import { AsyncLocalStorage } from 'node:async_hooks';

/** The authenticated caller, as the security library puts it into the context (kept structural to avoid a cycle). */
export interface RequestPrincipal {
  subject: string;
  tenantId: string;
  roles: string[];
  organizationId?: string;
  partnerId?: string;
}

export interface RequestContextData {
  correlationId: string;
  causationId?: string;
  tenantId?: string;
  principal?: RequestPrincipal;
  /** Stated reason for access (`x-purpose-of-use`), kept for the audit trail. */
  purposeOfUse?: string;
}

/**
 * Per-request (or per-message) ambient data. AsyncLocalStorage keeps it across awaits without
 * request-scoped providers, which would make every dependent provider request-scoped too.
 */
export class RequestContext {
  private static readonly storage = new AsyncLocalStorage<RequestContextData>();

  static run<T>(data: RequestContextData, fn: () => T): T {
    return RequestContext.storage.run(data, fn);
  }

  static current(): RequestContextData | undefined {
    return RequestContext.storage.getStore();
  }

  static correlationId(): string | undefined {
    return RequestContext.storage.getStore()?.correlationId;
  }
}
