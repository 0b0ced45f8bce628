import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiForbiddenResponse, ApiUnauthorizedResponse, DECORATORS } from '@nestjs/swagger';
import { DomainError, whoMay, type Permission, type Principal, type Role } from '@parley/domain';
import type { Request } from 'express';

export type AuthContext = Omit<Principal, 'memberships'> & {
  userId: string;
  email: string;
  name: string;
  memberships: { departmentId: string; department: string; role: Role }[];
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
};

export type AuthenticatedRequest = Request & { auth?: AuthContext };

/**
 * Who may call a route: anyone (`public`), anyone signed in (`signed-in`: their own account), a workspace
 * administrator, or a member holding a permission in some department (the service then checks the department
 * the request names). Every route declares one; the guard refuses a route that does not.
 */
export type RouteAccess = 'public' | 'signed-in' | 'workspace-admin' | Permission;
export const ROUTE_ACCESS = 'parley:access';

const declare = (access: RouteAccess) => SetMetadata(ROUTE_ACCESS, access);

/** In the OpenAPI document, a public route needs no credentials (merged into whatever else documents it). */
const documentAsPublic: MethodDecorator = (_target, _key, descriptor) => {
  const operation = (Reflect.getMetadata(DECORATORS.API_OPERATION, descriptor.value as object) ??
    {}) as object;
  Reflect.defineMetadata(
    DECORATORS.API_OPERATION,
    { ...operation, security: [] },
    descriptor.value as object,
  );
  return descriptor;
};

/** Marks a route that answers without signing in (health, login). */
export const Public = () => applyDecorators(declare('public'), documentAsPublic);

/** The access rule of a signed-in route, enforced by the guard and documented in OpenAPI. */
export const Authorize = (access: Exclude<RouteAccess, 'public'>) =>
  applyDecorators(
    declare(access),
    ApiUnauthorizedResponse({ description: 'Not signed in, or the API token is not valid.' }),
    ...(access === 'signed-in'
      ? []
      : [
          ApiForbiddenResponse({
            description:
              access === 'workspace-admin'
                ? 'Only a workspace administrator can do this.'
                : `Only ${whoMay(access)} of the department can do this.`,
          }),
        ]),
  );

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw new DomainError('unauthenticated', 'Sign in first.');
  return auth;
});

export const actorOf = (auth: AuthContext) => ({ userId: auth.userId, label: auth.email });
