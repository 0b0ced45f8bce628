import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
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

/** Marks a route that answers without signing in (health, login). */
export const Public = () => declare('public');

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
