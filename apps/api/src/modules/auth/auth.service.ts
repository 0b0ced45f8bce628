import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { ApiToken, ChangePasswordRequest, Me } from '@parley/contracts';
import { AuditRepository, DATA_SOURCE, UserRepository, WorkspaceRepository, inTransaction } from '@parley/db';
import { DomainError, PERMISSIONS, mayInDepartment } from '@parley/domain';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { actorOf, type AuthContext } from './auth-context';
import { parseId } from '../../common/parse-id';
import { toApiToken } from './api-token-mapper';
import { LoginThrottle } from './login-throttle';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password';
import { hashSecretToken, newSecretToken } from './secret-token';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export type ClientInfo = { ip: string; userAgent: string | null };

/** Signing in and out, sessions, API tokens, and who the caller is. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly users: UserRepository,
    private readonly workspace: WorkspaceRepository,
    private readonly audit: AuditRepository,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(email: string, password: string, client: ClientInfo): Promise<{ token: string }> {
    await this.throttle.assertAllowed(email, client.ip);
    const user = await this.users.findByEmail(this.dataSource, email);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !valid || user.disabledAt) {
      await this.throttle.recordFailure(email, client.ip);
      throw new DomainError('unauthenticated', 'The email or password is not right.');
    }
    await this.throttle.reset(email, client.ip);
    const token = newSecretToken('ps');
    await inTransaction(this.dataSource, async (tx) => {
      await this.users.insertSession(tx, {
        userId: user.id,
        tokenHash: hashSecretToken(token, this.config.sessionSecret),
        csrfToken: randomBytes(24).toString('base64url'),
        expiresAt: new Date(Date.now() + SESSION_TTL_MS),
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      });
      await this.users.recordSignIn(tx, user.id);
      await this.audit.record(
        tx,
        { userId: user.id, label: user.email },
        { action: 'auth.login', entityType: 'user', entityId: user.id },
      );
    });
    return { token };
  }

  async logout(auth: AuthContext): Promise<void> {
    if (!auth.sessionId) return;
    const sessionId = auth.sessionId;
    await inTransaction(this.dataSource, async (tx) => {
      await this.users.deleteSession(tx, sessionId);
      await this.audit.record(tx, actorOf(auth), {
        action: 'auth.logout',
        entityType: 'user',
        entityId: auth.userId,
      });
    });
  }

  async fromSession(token: string): Promise<AuthContext | null> {
    const session = await this.users.touchSession(
      this.dataSource,
      hashSecretToken(token, this.config.sessionSecret),
      new Date(Date.now() + SESSION_TTL_MS),
    );
    return session ? this.contextOf(session.userId, 'session', session.id, session.csrfToken) : null;
  }

  async fromApiToken(token: string): Promise<AuthContext | null> {
    const found = await this.users.useApiToken(
      this.dataSource,
      hashSecretToken(token, this.config.sessionSecret),
    );
    return found ? this.contextOf(found.userId, 'token', null, null) : null;
  }

  private async contextOf(
    userId: string,
    via: AuthContext['via'],
    sessionId: string | null,
    csrfToken: string | null,
  ): Promise<AuthContext | null> {
    const user = await this.users.findById(this.dataSource, userId);
    if (!user || user.disabledAt) return null;
    const memberships = await this.users.membershipsOf(this.dataSource, userId);
    return {
      userId,
      email: user.email,
      name: user.name,
      memberships,
      workspaceAdmin: user.workspaceAdmin,
      via,
      sessionId,
      csrfToken,
    };
  }

  async me(auth: AuthContext): Promise<Me> {
    const all = await this.workspace.allDepartments(this.dataSource);
    const visible = all.filter((d) => mayInDepartment(auth, d.id, 'department.read'));
    return {
      id: auth.userId,
      email: auth.email,
      name: auth.name,
      workspaceAdmin: auth.workspaceAdmin,
      memberships: auth.memberships.map((m) => ({ department: m.department, role: m.role })),
      departments: visible.map((d) => ({
        key: d.key,
        name: d.name,
        role: auth.memberships.find((m) => m.departmentId === d.id)?.role ?? null,
        permissions: PERMISSIONS.filter((p) => mayInDepartment(auth, d.id, p)),
      })),
      csrfToken: auth.csrfToken,
    };
  }

  async createApiToken(
    auth: AuthContext,
    name: string,
  ): Promise<{ id: string; name: string; token: string }> {
    const token = newSecretToken('pt');
    const id = await inTransaction(this.dataSource, async (tx) => {
      const tokenId = await this.users.insertApiToken(tx, {
        userId: auth.userId,
        name,
        tokenHash: hashSecretToken(token, this.config.sessionSecret),
      });
      await this.audit.record(tx, actorOf(auth), {
        action: 'api-token.create',
        entityType: 'api_token',
        entityId: tokenId,
        after: { name },
      });
      return tokenId;
    });
    return { id, name, token };
  }
  /**
   * The current password proves it is really them (not someone at an unlocked screen), so a wrong one counts as
   * a failed sign-in. Every other session ends; the one making the change stays signed in.
   */
  async changePassword(auth: AuthContext, request: ChangePasswordRequest, client: ClientInfo): Promise<void> {
    await this.throttle.assertAllowed(auth.email, client.ip);
    const user = await this.users.findById(this.dataSource, auth.userId);
    if (!user || !(await verifyPassword(request.currentPassword, user.passwordHash))) {
      await this.throttle.recordFailure(auth.email, client.ip);
      throw new DomainError('invalid', 'Your password was not changed.', [
        { path: 'currentPassword', message: 'the current password is not right' },
      ]);
    }
    if (request.newPassword === request.currentPassword) {
      throw new DomainError('invalid', 'Your password was not changed.', [
        { path: 'newPassword', message: 'choose a password different from the current one' },
      ]);
    }
    const passwordHash = await hashPassword(request.newPassword);
    await inTransaction(this.dataSource, async (tx) => {
      await this.users.setPasswordHash(tx, user.id, passwordHash);
      const otherSessionsEnded = await this.users.deleteSessionsOf(tx, user.id, auth.sessionId);
      await this.audit.record(tx, actorOf(auth), {
        action: 'user.password-change',
        entityType: 'user',
        entityId: user.id,
        after: { otherSessionsEnded },
      });
    });
  }

  async apiTokensOf(userId: string): Promise<ApiToken[]> {
    return (await this.users.apiTokensOf(this.dataSource, userId)).map(toApiToken);
  }

  /** Revokes one of `owner`'s tokens; it answers 401 from the next request on. Revoking twice keeps the first time. */
  async revokeApiToken(
    auth: AuthContext,
    owner: { id: string; email: string },
    rawTokenId: string,
  ): Promise<ApiToken> {
    const notFound =
      owner.id === auth.userId
        ? 'You have no API token with that id.'
        : `${owner.email} has no API token with that id.`;
    const tokenId = parseId(rawTokenId, notFound);
    const revoked = await inTransaction(this.dataSource, async (tx) => {
      const row = await this.users.revokeApiToken(tx, owner.id, tokenId);
      if (!row) throw new DomainError('not_found', notFound);
      await this.audit.record(tx, actorOf(auth), {
        action: 'api-token.revoke',
        entityType: 'api_token',
        entityId: row.id,
        after: { owner: owner.email, name: row.name },
      });
      return row;
    });
    return toApiToken(revoked);
  }
}
