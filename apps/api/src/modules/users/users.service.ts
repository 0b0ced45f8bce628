import { Inject, Injectable } from '@nestjs/common';
import type { CreateUserRequest, User } from '@parley/contracts';
import {
  type Actor,
  AuditRepository,
  DATA_SOURCE,
  inTransaction,
  UserRepository,
  WorkspaceRepository,
} from '@parley/db';
import { DomainError } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';

/** People and their roles per department; workspace administrators are flagged on the user. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly workspace: WorkspaceRepository,
    private readonly audit: AuditRepository,
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
    const passwordHash = await hashPassword(request.password);
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
}
