import { Inject, Injectable } from '@nestjs/common';
import type { CreateUserRequest, User, UserSummary } from '@parley/contracts';
import {
  type Actor,
  AuditRepository,
  DATA_SOURCE,
  inTransaction,
  UserRepository,
  WorkspaceRepository,
} from '@parley/db';
import { DomainError } from '@parley/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { LoginThrottle } from '../auth/login-throttle';
import { hashChosenPassword } from '../auth/password';
import { AccountHolders, type AccountHolder } from './account-holders.service';
import { toUserSummary } from './people-mapper';

/** People and their roles per department; workspace administrators are flagged on the user. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly workspace: WorkspaceRepository,
    private readonly audit: AuditRepository,
    private readonly holders: AccountHolders,
    private readonly throttle: LoginThrottle,
  ) {}

  async create(actor: Actor, request: CreateUserRequest): Promise<User> {
    const departments = await this.workspace.allDepartments(this.dataSource);
    const memberships = request.memberships.map((m, i) => {
      const department = departments.find((d) => d.key === m.department);
      if (!department) {
        throw new DomainError('invalid', 'The user has a membership in an unknown department.', [
          { path: `memberships[${i}].department`, message: `no department "${m.department}"` },
        ]);
      }
      return { departmentId: department.id, role: m.role };
    });
    if (await this.users.findByEmail(this.dataSource, request.email)) {
      throw new DomainError('conflict', `A user with the email ${request.email} already exists.`);
    }
    const passwordHash = await hashChosenPassword(request.password, 'password');
    const id = await inTransaction(this.dataSource, async (tx) => {
      const userId = await this.users.insertUser(tx, {
        email: request.email,
        name: request.name,
        passwordHash,
        workspaceAdmin: request.workspaceAdmin,
      });
      await this.users.insertMemberships(tx, userId, memberships);
      await this.audit.record(tx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        after: {
          email: request.email,
          name: request.name,
          memberships: request.memberships,
          workspaceAdmin: request.workspaceAdmin,
        },
      });
      return userId;
    });
    return {
      id,
      email: request.email,
      name: request.name,
      memberships: request.memberships,
      workspaceAdmin: request.workspaceAdmin,
    };
  }

  countUsers(): Promise<number> {
    return this.users.countUsers(this.dataSource);
  }
  async list(): Promise<UserSummary[]> {
    const rows = await this.users.allUsersWithMemberships(this.dataSource);
    const locked = await this.throttle.lockedAmong(rows.map((r) => r.email));
    return rows.map((row) => toUserSummary(row, locked));
  }

  async setWorkspaceAdmin(auth: AuthContext, rawId: string, workspaceAdmin: boolean): Promise<UserSummary> {
    const user = await this.holders.find(rawId);
    if (user.workspaceAdmin !== workspaceAdmin) {
      await inTransaction(this.dataSource, async (tx) => {
        if (!workspaceAdmin) await this.assertNotLastWorkspaceAdmin(tx, user, 'stop being one');
        await this.users.setWorkspaceAdmin(tx, user.id, workspaceAdmin);
        await this.audit.record(tx, actorOf(auth), {
          action: 'user.workspace-admin',
          entityType: 'user',
          entityId: user.id,
          before: { workspaceAdmin: user.workspaceAdmin },
          after: { workspaceAdmin },
        });
      });
    }
    return this.summaryOf(user.id);
  }

  /** Disabling ends every session and revokes every API token in the same transaction, so both stop at once. */
  async disable(auth: AuthContext, rawId: string): Promise<UserSummary> {
    const user = await this.holders.resolve(auth, rawId);
    if (user.id === auth.userId) {
      throw new DomainError('conflict', 'You cannot disable your own account; ask another administrator.');
    }
    if (!user.disabledAt) {
      await inTransaction(this.dataSource, async (tx) => {
        await this.assertNotLastWorkspaceAdmin(tx, user, 'be disabled');
        await this.users.setDisabled(tx, user.id, true);
        const sessionsEnded = await this.users.deleteSessionsOf(tx, user.id);
        const tokensRevoked = await this.users.revokeApiTokensOf(tx, user.id);
        await this.audit.record(tx, actorOf(auth), {
          action: 'user.disable',
          entityType: 'user',
          entityId: user.id,
          after: { sessionsEnded, tokensRevoked },
        });
      });
    }
    return this.summaryOf(user.id);
  }

  async enable(auth: AuthContext, rawId: string): Promise<UserSummary> {
    const user = await this.holders.resolve(auth, rawId);
    if (user.disabledAt) {
      await inTransaction(this.dataSource, async (tx) => {
        await this.users.setDisabled(tx, user.id, false);
        await this.audit.record(tx, actorOf(auth), {
          action: 'user.enable',
          entityType: 'user',
          entityId: user.id,
        });
      });
    }
    return this.summaryOf(user.id);
  }

  private async assertNotLastWorkspaceAdmin(tx: EntityManager, user: AccountHolder, change: string) {
    if (!user.workspaceAdmin) return;
    const active = await this.users.lockActiveWorkspaceAdmins(tx);
    if (active.every((a) => a.id === user.id)) {
      throw new DomainError(
        'conflict',
        `${user.name} is the last workspace administrator, so they cannot ${change}: make someone else a workspace administrator first.`,
      );
    }
  }

  private async summaryOf(userId: string): Promise<UserSummary> {
    const user = await this.holders.find(userId);
    const locked = await this.throttle.lockedAmong([user.email]);
    const memberships = user.memberships.map((m) => ({ department: m.department, role: m.role }));
    return toUserSummary({ ...user, memberships }, locked);
  }
}
