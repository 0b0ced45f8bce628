import { Inject, Injectable } from '@nestjs/common';
import type { ApiToken, PasswordReset, ResetPasswordRequest, SessionsRevoked } from '@parley/contracts';
import { AuditRepository, DATA_SOURCE, inTransaction, UserRepository } from '@parley/db';
import { DomainError } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { AuthService } from '../auth/auth.service';
import { LoginThrottle } from '../auth/login-throttle';
import { generatePassword, hashChosenPassword, hashPassword } from '../auth/password';
import { AccountHolders } from './account-holders.service';

/** What administrators do to someone else's way in: passwords, sessions, the sign-in lock, API tokens. */
@Injectable()
export class CredentialsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly holders: AccountHolders,
    private readonly throttle: LoginThrottle,
    private readonly auth: AuthService,
  ) {}

  /**
   * Sets a new password (generated unless given), signs the person out everywhere and lifts any sign-in lock, so
   * they can use it straight away. API tokens are not sign-ins and keep working; disabling the user stops them.
   */
  async resetPassword(
    auth: AuthContext,
    rawId: string,
    request: ResetPasswordRequest,
  ): Promise<PasswordReset> {
    const user = await this.holders.resolve(auth, rawId);
    if (user.id === auth.userId) {
      throw new DomainError(
        'conflict',
        'To change your own password, use Your account: it asks for the current one.',
      );
    }
    const password = request.password ?? generatePassword();
    const passwordHash = request.password
      ? await hashChosenPassword(request.password, 'password')
      : await hashPassword(password);
    await inTransaction(this.dataSource, async (tx) => {
      await this.users.setPasswordHash(tx, user.id, passwordHash);
      const sessionsEnded = await this.users.deleteSessionsOf(tx, user.id);
      // The audit says that it happened and how, never the password.
      await this.audit.record(tx, actorOf(auth), {
        action: 'user.password-reset',
        entityType: 'user',
        entityId: user.id,
        after: { generated: !request.password, sessionsEnded },
      });
    });
    await this.throttle.unlock(user.email);
    return { generatedPassword: request.password ? null : password };
  }

  /** Ends every session of theirs at once (a lost laptop); their API tokens keep working. */
  async signOutEverywhere(auth: AuthContext, rawId: string): Promise<SessionsRevoked> {
    const user = await this.holders.resolve(auth, rawId);
    return this.auth.signOutEverywhere(auth, user);
  }

  async unlock(auth: AuthContext, rawId: string): Promise<void> {
    const user = await this.holders.resolve(auth, rawId);
    await this.throttle.unlock(user.email);
    await this.audit.record(this.dataSource, actorOf(auth), {
      action: 'user.unlock',
      entityType: 'user',
      entityId: user.id,
    });
  }

  async tokensOf(rawId: string): Promise<ApiToken[]> {
    return this.auth.apiTokensOf((await this.holders.find(rawId)).id);
  }

  async revokeTokenOf(auth: AuthContext, rawId: string, rawTokenId: string): Promise<ApiToken> {
    return this.auth.revokeApiToken(auth, await this.holders.find(rawId), rawTokenId);
  }
}
