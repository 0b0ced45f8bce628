import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, type DepartmentRow, WorkspaceRepository } from '@parley/db';
import {
  DomainError,
  departmentsAllowing,
  mayInDepartment,
  mayInOneOf,
  whoMay,
  type Permission,
} from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { AuthContext } from '../modules/auth/auth-context';

/**
 * The department half of the access policy. A department the caller cannot read answers 404, never 403, so its
 * existence does not leak; one they can read but not act in answers 403 saying which roles can.
 */
@Injectable()
export class DepartmentAccess {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly workspace: WorkspaceRepository,
  ) {}

  /** Ids of the departments where the caller may do this; null means every department. */
  allowedIds(auth: AuthContext, permission: Permission = 'department.read'): string[] | null {
    return departmentsAllowing(auth, permission);
  }

  /** The department keyed `key`, if the caller may do `permission` there. */
  async resolve(
    auth: AuthContext,
    key: string,
    permission: Permission = 'department.read',
  ): Promise<DepartmentRow> {
    const department = (await this.workspace.allDepartments(this.dataSource)).find((d) => d.key === key);
    if (!department || !mayInDepartment(auth, department.id, 'department.read')) {
      throw new DomainError('not_found', `No department "${key}" that you can see.`);
    }
    this.assertAllowed(auth, department, permission);
    return department;
  }

  /** Whether the caller can read one of these departments; null (workspace-wide) is for workspace administrators. */
  mayReadAny(auth: AuthContext, departmentIds: readonly string[] | null): boolean {
    return mayInOneOf(auth, departmentIds, 'department.read');
  }

  assertAllowed(auth: AuthContext, department: { id: string; name: string }, permission: Permission): void {
    if (!mayInDepartment(auth, department.id, permission)) {
      throw new DomainError('forbidden', `In ${department.name}, only ${whoMay(permission)} can do this.`);
    }
  }
}
