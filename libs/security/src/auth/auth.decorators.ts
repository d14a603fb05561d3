import type { Role } from '@careloop/contracts';
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal } from './principal';

export const IS_PUBLIC_KEY = 'careloop:public';
export const ROLES_KEY = 'careloop:roles';

/** No authentication for this route (or every route of this controller): health, metrics, docs. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * The principal needs at least one of these roles. A method-level list replaces the
 * controller-level one. Without @Roles, any authenticated principal may call the route.
 * (Named like the `Roles` constant of @careloop/contracts: import one of them under an alias.)
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Alias of the `Roles` decorator, for files that also use the `Roles` constant of contracts. */
export const RequireRoles = Roles;

/** The request's principal (undefined on public routes). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<{ principal?: Principal }>().principal,
);
