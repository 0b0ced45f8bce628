import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, mayAnywhere, whoMay } from '@parley/domain';
import { timingSafeEqual } from 'node:crypto';
import { ROUTE_ACCESS, type AuthContext, type AuthenticatedRequest, type RouteAccess } from './auth-context';
import { AuthService } from './auth.service';
import { SESSION_COOKIE, readCookie } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** The route-level half of the access policy; the department a request names is checked by its service. */
const assertRouteAllows = (access: Exclude<RouteAccess, 'public'>, auth: AuthContext): void => {
  if (access === 'signed-in' || auth.workspaceAdmin) return;
  if (access === 'workspace-admin')
    throw new DomainError('forbidden', 'Only a workspace administrator can do this.');
  if (mayAnywhere(auth, access)) return;
  throw new DomainError(
    'forbidden',
    auth.memberships.length === 0
      ? 'You are not a member of any department yet: ask a workspace administrator to add you.'
      : `Only ${whoMay(access)} of a department can do this.`,
  );
};

/**
 * Every route declares who may call it (`@Public()` or `@Authorize(…)`); one without a declaration is refused,
 * so a forgotten decorator fails closed. Scripts use `Authorization: Bearer`; browsers use the session cookie,
 * and their writes must echo the session's CSRF token in `X-CSRF-Token`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = readCookie(request, SESSION_COOKIE);
    const found = bearer
      ? await this.auth.fromApiToken(bearer)
      : cookie
        ? await this.auth.fromSession(cookie)
        : null;
    const auth = found && !('refused' in found) ? found : null;
    if (auth) request.auth = auth;
    if (access === 'public') return true;
    if (!auth)
      throw new DomainError(
        'unauthenticated',
        found && 'refused' in found ? found.refused : 'Sign in first.',
      );
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !auth.csrfToken || !sameSecret(sent, auth.csrfToken)) {
        throw new DomainError(
          'forbidden',
          'Missing or wrong X-CSRF-Token header; reload the page and try again.',
        );
      }
    }
    if (!access) throw new DomainError('forbidden', 'This route declares no access rule, so it is refused.');
    assertRouteAllows(access, auth);
    return true;
  }
}
