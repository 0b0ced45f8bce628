import { Inject, Injectable } from '@nestjs/common';
import type { AddMemberRequest, Member, MemberAdded } from '@parley/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  type DepartmentRow,
  inTransaction,
  type MemberRow,
  UserRepository,
} from '@parley/db';
import { DomainError, accountAccess, type Role } from '@parley/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { LoginThrottle } from '../auth/login-throttle';
import { generatePassword, hashChosenPassword, hashPassword } from '../auth/password';
import { parseId } from '../../common/parse-id';
import { toMember } from './people-mapper';

const UNIQUE_VIOLATION = '23505';

/** Two administrators adding the same person at once: the second insert meets the first's row. */
const conflictOnDuplicate =
  (message: string) =>
  (error: unknown): never => {
    throw (error as { code?: string }).code === UNIQUE_VIOLATION
      ? new DomainError('conflict', message)
      : error;
  };

/**
 * The members of one department, managed by its administrators (or a workspace administrator). Everything here
 * is scoped to the department in the path, so a department administrator cannot grant anything elsewhere.
 */
@Injectable()
export class MembersService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
    private readonly throttle: LoginThrottle,
  ) {}

  async list(auth: AuthContext, departmentKey: string): Promise<Member[]> {
    const department = await this.access.resolve(auth, departmentKey, 'member.manage');
    return this.present(auth, await this.users.membersOf(this.dataSource, department.id));
  }

  async add(auth: AuthContext, departmentKey: string, request: AddMemberRequest): Promise<MemberAdded> {
    const department = await this.access.resolve(auth, departmentKey, 'member.manage');
    const existing = await this.users.findByEmail(this.dataSource, request.email);
    if (existing) {
      if (request.password) {
        throw new DomainError('invalid', `${existing.name} already has an account; nothing was changed.`, [
          { path: 'password', message: 'they already have a password: reset it from their row instead' },
        ]);
      }
      if (await this.memberRow(department, existing.id)) {
        throw new DomainError('conflict', `${existing.name} is already a member of ${department.name}.`);
      }
      await inTransaction(this.dataSource, (tx) =>
        this.grant(tx, auth, department, existing.id, request.role),
      ).catch(conflictOnDuplicate(`${existing.name} is already a member of ${department.name}.`));
      return {
        member: await this.presentOne(auth, department, existing.id),
        created: false,
        generatedPassword: null,
      };
    }
    if (!request.name) {
      throw new DomainError('invalid', `Nobody has a Parley account with ${request.email} yet.`, [
        { path: 'name', message: 'enter their name, to make them an account' },
      ]);
    }
    const name = request.name;
    const password = request.password ?? generatePassword();
    const passwordHash = request.password
      ? await hashChosenPassword(request.password, 'password')
      : await hashPassword(password);
    const userId = await inTransaction(this.dataSource, async (tx) => {
      const id = await this.users.insertUser(tx, {
        email: request.email,
        name,
        passwordHash,
        workspaceAdmin: false,
      });
      await this.audit.record(tx, actorOf(auth), {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        after: { email: request.email, name, workspaceAdmin: false },
      });
      await this.grant(tx, auth, department, id, request.role);
      return id;
    }).catch(conflictOnDuplicate(`Someone has just made an account for ${request.email}: add them again.`));
    return {
      member: await this.presentOne(auth, department, userId),
      created: true,
      generatedPassword: request.password ? null : password,
    };
  }

  async changeRole(auth: AuthContext, departmentKey: string, rawId: string, role: Role): Promise<Member> {
    const department = await this.access.resolve(auth, departmentKey, 'member.manage');
    const before = await this.requireMember(department, rawId);
    if (before.role !== role) {
      await inTransaction(this.dataSource, async (tx) => {
        await this.users.changeRole(tx, before.id, department.id, role);
        await this.audit.record(tx, actorOf(auth), {
          action: 'membership.update',
          entityType: 'user',
          entityId: before.id,
          before: { department: department.key, role: before.role },
          after: { department: department.key, role },
        });
      });
    }
    const [member] = await this.present(auth, [{ ...before, role }]);
    return member;
  }

  async remove(auth: AuthContext, departmentKey: string, rawId: string): Promise<void> {
    const department = await this.access.resolve(auth, departmentKey, 'member.manage');
    const member = await this.requireMember(department, rawId);
    await inTransaction(this.dataSource, async (tx) => {
      await this.users.deleteMembership(tx, member.id, department.id);
      await this.audit.record(tx, actorOf(auth), {
        action: 'membership.delete',
        entityType: 'user',
        entityId: member.id,
        before: { department: department.key, role: member.role },
      });
    });
  }

  private async grant(
    tx: EntityManager,
    auth: AuthContext,
    department: DepartmentRow,
    userId: string,
    role: Role,
  ): Promise<void> {
    await this.users.insertMemberships(tx, userId, [{ departmentId: department.id, role }]);
    await this.audit.record(tx, actorOf(auth), {
      action: 'membership.create',
      entityType: 'user',
      entityId: userId,
      after: { department: department.key, role },
    });
  }

  private async memberRow(department: DepartmentRow, userId: string): Promise<MemberRow | undefined> {
    return (await this.users.membersOf(this.dataSource, department.id, userId))[0];
  }

  private async requireMember(department: DepartmentRow, rawId: string): Promise<MemberRow> {
    const notFound = `No member of ${department.name} with that id.`;
    const row = await this.memberRow(department, parseId(rawId, notFound));
    if (!row) throw new DomainError('not_found', notFound);
    return row;
  }

  private async presentOne(auth: AuthContext, department: DepartmentRow, userId: string): Promise<Member> {
    const row = await this.memberRow(department, userId);
    if (!row) throw new DomainError('conflict', 'That member was removed again meanwhile.');
    return (await this.present(auth, [row]))[0];
  }

  private async present(auth: AuthContext, rows: MemberRow[]): Promise<Member[]> {
    const locked = await this.throttle.lockedAmong(rows.map((r) => r.email));
    return rows.map((row) =>
      toMember(
        row,
        locked,
        accountAccess(auth, { workspaceAdmin: row.workspaceAdmin, departmentIds: row.departmentIds }) ===
          'allowed',
      ),
    );
  }
}
