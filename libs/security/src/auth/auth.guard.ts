import type { Role } from '@careloop/contracts';
import { RequestContext } from '@careloop/observability';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { AuditService } from '../audit/audit.service';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { InvalidTokenError, TokenVerificationUnavailableError } from './invalid-token.error';
import { JwtVerifier } from './jwt-verifier.service';
import type { Principal } from './principal';

/** One message for every authentication failure: telling which check failed helps attackers. */
export const UNAUTHENTICATED_MESSAGE = 'Authentication required';
export const FORBIDDEN_MESSAGE = 'Not allowed';

export const PURPOSE_OF_USE_HEADER = 'x-purpose-of-use';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i;

interface HttpRequest {
  method?: string;
  headers: IncomingHttpHeaders;
  principal?: Principal;
  routeOptions?: { url?: string };
  route?: { path?: string };
}

interface HttpResponse {
  raw?: ServerResponse;
  setHeader?: ServerResponse['setHeader'];
}

function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  return typeof value === 'string' ? BEARER.exec(value.trim())?.[1] : undefined;
}

/** The stated reason for access, kept short and printable: it lands in the audit trail. */
function purposeOfUse(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[PURPOSE_OF_USE_HEADER];
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/[^\x20-\x7E]/g, '').trim().slice(0, 200);
  return cleaned.length > 0 ? cleaned : undefined;
}

/**
 * Global guard (APP_GUARD, registered by SecurityModule.forRoot()):
 * - routes marked @Public() pass;
 * - otherwise a valid bearer token is required (401 with a generic message);
 * - the principal goes to `request.principal` and to the current RequestContext;
 * - a route with @Roles(...) needs one of them (403, and an `access-denied` audit event);
 * - a route that declares no roles is refused to everyone (403): every endpoint says who may use it, so a
 *   forgotten decorator closes a route instead of opening it to every role.
 * Non-HTTP handlers (Kafka consumers) are not guarded: the broker authenticates producers.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const principal = await this.authenticate(request, http.getResponse<HttpResponse>());

    request.principal = principal;
    const store = RequestContext.current();
    if (store) {
      store.principal = principal;
      store.tenantId = principal.tenantId;
      store.purposeOfUse = purposeOfUse(request.headers);
    }

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!required || required.length === 0 || !required.some((role) => principal.roles.includes(role))) {
      const route = request.routeOptions?.url ?? request.route?.path ?? 'unknown';
      // Awaited: a denial that cannot be recorded must not pass silently either way.
      await this.audit.record({
        action: 'access-denied',
        resourceType: 'http-route',
        resourceId: `${request.method ?? 'UNKNOWN'} ${route}`,
        outcome: 'denied',
      });
      throw new ForbiddenException(FORBIDDEN_MESSAGE);
    }
    return true;
  }

  private async authenticate(request: HttpRequest, response: HttpResponse): Promise<Principal> {
    const token = bearerToken(request.headers);
    try {
      if (!token) throw new InvalidTokenError('missing');
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof TokenVerificationUnavailableError) throw new ServiceUnavailableException('Authentication unavailable');
      if (error instanceof InvalidTokenError) {
        const raw = response.raw ?? response;
        raw.setHeader?.('WWW-Authenticate', 'Bearer');
        throw new UnauthorizedException(UNAUTHENTICATED_MESSAGE);
      }
      throw error;
    }
  }
}
