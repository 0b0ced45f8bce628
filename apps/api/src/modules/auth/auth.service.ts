import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { Me } from '@parley/contracts';
import { AuditRepository, DATA_SOURCE, inTransaction, UserRepository, WorkspaceRepository } from '@parley/db';
import { DomainError, PERMISSIONS, mayInDepartment } from '@parley/domain';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { actorOf, type AuthContext } from './auth-context';
import { LoginThrottle } from './login-throttle';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password';
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
}
