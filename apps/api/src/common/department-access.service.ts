import { Inject, Injectable } from '@nestjs/common';
import { WorkspaceRepository, type DepartmentRow } from '@parley/db';
import { DomainError } from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { AuthContext } from '../modules/auth/auth-context';
import { DATA_SOURCE } from './infrastructure.module';

/** Which departments a caller may see. Another department's data answers 404, never 403, so it does not leak. */
@Injectable()
export class DepartmentAccess {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly workspace: WorkspaceRepository,
  ) {}

  /** null means every department (admins). */
  visibleIds(auth: AuthContext): string[] | null {
    return auth.isAdmin ? null : auth.memberships.flatMap((m) => (m.departmentId ? [m.departmentId] : []));
  }

  async resolve(auth: AuthContext, key: string): Promise<DepartmentRow> {
    const department = (await this.workspace.allDepartments(this.dataSource)).find((d) => d.key === key);
    const visible = this.visibleIds(auth);
    if (!department || (visible !== null && !visible.includes(department.id))) {
      throw new DomainError('not_found', `No department "${key}" that you can see.`);
    }
    return department;
  }
}
