import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type {
  ApiToken,
  ChangePasswordRequest,
  CreateTokenResponse,
  Me,
  SessionsRevoked,
} from '@parley/contracts';
import { AuditRepository, DATA_SOURCE, UserRepository, WorkspaceRepository, inTransaction } from '@parley/db';
import { DomainError, PERMISSIONS, mayInDepartment } from '@parley/domain';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { actorOf, type AuthContext } from './auth-context';
import { parseId } from '../../common/parse-id';
import { toApiToken } from './api-token-mapper';
import { LoginThrottle } from './login-throttle';
import { DUMMY_HASH_PROMISE, hashChosenPassword, verifyPassword } from './password';
import { hashSecretToken, newSecretToken } from './secret-token';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export type ClientInfo = { ip: string; userAgent: string | null };
const DAY_MS = 24 * 60 * 60 * 1000;
/** Enough for every script a person runs; a cap keeps a leaked session from scattering tokens without end. */
const MAX_LIVE_TOKENS = 20;

/**
 * What only a person who signed in may do to their own account: a leaked API token must neither mint successors
 * that outlive its revocation nor sign its owner out of their sessions.
 */
const assertSignedInPerson = (auth: AuthContext, refusal: string): void => {
  if (auth.via !== 'session') throw new DomainError('forbidden', refusal);
};

const formatDay = (date: Date): string =>
  date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

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
    const attempt = await this.throttle.begin(email, client.ip);
    const user = await this.users.findByEmail(this.dataSource, email);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !valid || user.disabledAt) {
      await attempt.failed();
      throw new DomainError('unauthenticated', 'The email or password is not right.');
    }
    await attempt.succeeded();
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

  /**
   * Ends every session of `owner` (this one too when it is the caller's own), for a lost laptop or a shared
   * computer. API tokens are not sign-ins and keep working; revoking them is separate.
   */
  async signOutEverywhere(auth: AuthContext, owner: { id: string; email: string }): Promise<SessionsRevoked> {
    if (owner.id === auth.userId) {
      assertSignedInPerson(
        auth,
        'An API token cannot sign you out; sign in to Parley and do it from Your account.',
      );
    }
    return inTransaction(this.dataSource, async (tx) => {
      const sessionsEnded = await this.users.deleteSessionsOf(tx, owner.id);
      await this.audit.record(tx, actorOf(auth), {
        action: owner.id === auth.userId ? 'auth.sign-out-everywhere' : 'user.sign-out-everywhere',
        entityType: 'user',
        entityId: owner.id,
        after: { sessionsEnded },
      });
      return { sessionsEnded };
    });
  }

  /** Who an API token signs in, or why it does not (an expired token says when it expired). */
  async fromApiToken(token: string): Promise<AuthContext | { refused: string }> {
    const found = await this.users.useApiToken(
      this.dataSource,
      hashSecretToken(token, this.config.sessionSecret),
    );
    if (found?.expired) {
      return {
        refused: `This API token expired on ${formatDay(found.expiresAt)}; create a new one in Your account.`,
      };
    }
    const auth = found ? await this.contextOf(found.userId, 'token', null, null) : null;
    return auth ?? { refused: 'That API token is not valid.' };
  }

  /** The rights a person holds now, for work done for them outside a request (the weekly digest). */
  forUser(userId: string): Promise<AuthContext | null> {
    return this.contextOf(userId, 'token', null, null);
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

  /**
   * Only a signed-in person makes tokens: a leaked token must not be able to mint itself successors that outlive
   * its revocation. Each works for `PARLEY_TOKEN_DAYS`, and one person holds at most MAX_LIVE_TOKENS that work.
   */
  async createApiToken(auth: AuthContext, name: string): Promise<CreateTokenResponse> {
    assertSignedInPerson(
      auth,
      'An API token cannot create tokens; sign in to Parley and create one in Your account.',
    );
    const token = newSecretToken('pt');
    const expiresAt = new Date(Date.now() + this.config.apiTokenDays * DAY_MS);
    const id = await inTransaction(this.dataSource, async (tx) => {
      await this.users.lockUser(tx, auth.userId);
      if ((await this.users.countLiveApiTokens(tx, auth.userId)) >= MAX_LIVE_TOKENS) {
        throw new DomainError(
          'conflict',
          `You already have ${MAX_LIVE_TOKENS} API tokens that work, the most one person can have: revoke one you no longer use, then create this one.`,
        );
      }
      const tokenId = await this.users.insertApiToken(tx, {
        userId: auth.userId,
        name,
        tokenHash: hashSecretToken(token, this.config.sessionSecret),
        expiresAt,
      });
      await this.audit.record(tx, actorOf(auth), {
        action: 'api-token.create',
        entityType: 'api_token',
        entityId: tokenId,
        after: { name, expiresAt: expiresAt.toISOString() },
      });
      return tokenId;
    });
    return { id, name, token, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The current password proves it is really them (not someone at an unlocked screen), so a wrong one counts as
   * a failed sign-in. Every other session ends; the one making the change stays signed in.
   */
  async changePassword(auth: AuthContext, request: ChangePasswordRequest, client: ClientInfo): Promise<void> {
    const attempt = await this.throttle.begin(auth.email, client.ip);
    const user = await this.users.findById(this.dataSource, auth.userId);
    if (!user || !(await verifyPassword(request.currentPassword, user.passwordHash))) {
      await attempt.failed();
      throw new DomainError('invalid', 'Your password was not changed.', [
        { path: 'currentPassword', message: 'the current password is not right' },
      ]);
    }
    await attempt.succeeded();
    if (request.newPassword === request.currentPassword) {
      throw new DomainError('invalid', 'Your password was not changed.', [
        { path: 'newPassword', message: 'choose a password different from the current one' },
      ]);
    }
    const passwordHash = await hashChosenPassword(request.newPassword, 'newPassword');
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
