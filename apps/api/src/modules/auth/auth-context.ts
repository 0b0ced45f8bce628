import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { DomainError, type Role } from '@parley/domain';
import type { Request } from 'express';

export type AuthContext = {
  userId: string;
  email: string;
  name: string;
  memberships: { departmentId: string | null; department: string; role: Role }[];
  isAdmin: boolean;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
};

export type AuthenticatedRequest = Request & { auth?: AuthContext };

export const PUBLIC_ROUTE = 'parley:public';
/** Marks a route that answers without signing in (health, login). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw new DomainError('unauthenticated', 'Sign in first.');
  return auth;
});

export const actorOf = (auth: AuthContext) => ({ userId: auth.userId, label: auth.email });

export const requireAdmin = (auth: AuthContext): void => {
  if (!auth.isAdmin) throw new DomainError('forbidden', 'Only an admin can do this.');
};

/** Admins may do anything; otherwise the caller needs one of `roles` in that department. */
export const requireDepartmentRole = (
  auth: AuthContext,
  departmentId: string,
  roles: Role[],
  doing: string,
): void => {
  if (auth.isAdmin) return;
  if (!auth.memberships.some((m) => m.departmentId === departmentId && roles.includes(m.role))) {
    throw new DomainError('forbidden', `Only ${roles.join(' or ')} members of this department can ${doing}.`);
  }
};
