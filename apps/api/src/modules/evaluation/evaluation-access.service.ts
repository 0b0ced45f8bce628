import { Inject, Injectable } from '@nestjs/common';
import {
  AuditRepository,
  DATA_SOURCE,
  EvaluationRepository,
  inTransaction,
  WorkspaceRepository,
  type DepartmentRow,
  type RecordTable,
} from '@parley/db';
import { DomainError, type Permission } from '@parley/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { parseId } from '../../common/parse-id';
import { actorOf, type AuthContext } from '../auth/auth-context';

/** What a record is called in messages ("No objective … that you can see"). */
const NAMES: Record<RecordTable, string> = {
  objective: 'objective',
  exercise: 'exercise',
  policy_influence: 'influence entry',
  lesson: 'lesson',
  survey: 'survey',
  input_cost: 'cost record',
};

export type AuditedChange = { action: string; entityId: string; before?: unknown; after?: unknown };

/**
 * The access policy and the audit trail every evaluation record shares. A record of a department the caller
 * cannot read answers 404, exactly as a record that does not exist, so neither its existence nor its department
 * leaks; one they can read but not change answers 403 saying who can.
 */
@Injectable()
export class EvaluationAccess {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly workspace: WorkspaceRepository,
    private readonly access: DepartmentAccess,
    private readonly records: EvaluationRepository,
    private readonly audit: AuditRepository,
  ) {}

  department(auth: AuthContext, key: string, permission: Permission): Promise<DepartmentRow> {
    return this.access.resolve(auth, key, permission);
  }

  /** The department an existing record belongs to, if the caller may do `permission` there. */
  async ofRecord(auth: AuthContext, table: RecordTable, rawId: string, permission: Permission) {
    const notFound = `No ${NAMES[table]} "${rawId.slice(0, 60)}" that you can see.`;
    const id = parseId(rawId, notFound);
    const departmentId = await this.records.departmentOf(this.dataSource, table, id);
    const department = departmentId
      ? (await this.workspace.allDepartments(this.dataSource)).find((d) => d.id === departmentId)
      : undefined;
    if (!department) throw new DomainError('not_found', notFound);
    // resolve answers 404 for a department the caller cannot read, the same answer as a missing record.
    return { id, department: await this.access.resolve(auth, department.key, permission) };
  }

  /** Runs a change and writes its audit event in the same transaction: both happen, or neither does. */
  change<T>(
    auth: AuthContext,
    department: DepartmentRow,
    table: RecordTable,
    work: (tx: EntityManager) => Promise<{ result: T; audit: AuditedChange }>,
  ): Promise<T> {
    return inTransaction(this.dataSource, async (tx) => {
      const { result, audit } = await work(tx);
      await this.audit.record(tx, actorOf(auth), {
        action: audit.action,
        entityType: table,
        entityId: audit.entityId,
        before: audit.before,
        after: audit.after,
        departmentId: department.id,
      });
      return result;
    });
  }
}
