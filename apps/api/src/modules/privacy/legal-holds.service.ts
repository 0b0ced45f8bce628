import { Inject, Injectable } from '@nestjs/common';
import type { LegalHold, LegalHoldRelease, LegalHoldRequest } from '@parley/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  LegalHoldRepository,
  inTransaction,
  type LegalHoldRow,
} from '@parley/db';
import { DomainError, mayInOneOf, whoMay } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { actorOf, type AuthContext } from '../auth/auth-context';

const PERMISSION = 'legal-hold.manage';
const LIST_LIMIT = 500;

const holdOf = (row: LegalHoldRow): LegalHold => ({
  id: row.id,
  conversationId: row.conversationId,
  department: row.department,
  reason: row.reason,
  placedBy: row.placedBy,
  placedAt: row.placedAt.toISOString(),
  releasedBy: row.releasedBy,
  releasedAt: row.releasedAt?.toISOString() ?? null,
  releaseReason: row.releaseReason,
});

/**
 * Legal holds: while one is in force, retention and subject requests leave what it covers as it is. A department's
 * managers and admins (and workspace administrators) place and release holds on it and on its conversations; a
 * conversation that belongs to no department is held by a workspace administrator. Every change is audited with
 * its reason.
 */
@Injectable()
export class LegalHoldsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly holds: LegalHoldRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
  ) {}

  async list(auth: AuthContext): Promise<LegalHold[]> {
    const rows = await this.holds.list(this.dataSource, this.access.allowedIds(auth, PERMISSION), LIST_LIMIT);
    return rows.map(holdOf);
  }

  async place(auth: AuthContext, request: LegalHoldRequest): Promise<LegalHold> {
    const target = request.department
      ? await this.departmentTarget(auth, request.department)
      : await this.conversationTarget(auth, request.conversationId as string);
    const id = await inTransaction(this.dataSource, async (tx) => {
      const placed = await this.holds.place(tx, {
        conversationId: request.conversationId ?? null,
        departmentId: request.department ? target.departmentId : null,
        reason: request.reason,
        by: auth.userId,
      });
      await this.audit.record(tx, actorOf(auth), {
        action: 'legal-hold.place',
        entityType: 'legal_hold',
        entityId: placed,
        departmentId: target.departmentId,
        after: {
          department: request.department ?? null,
          conversationId: request.conversationId ?? null,
          reason: request.reason,
        },
      });
      return placed;
    });
    return holdOf((await this.holds.find(this.dataSource, id)) as LegalHoldRow);
  }

  async release(auth: AuthContext, id: string, request: LegalHoldRelease): Promise<LegalHold> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
    const hold = uuid ? await this.holds.find(this.dataSource, id) : undefined;
    if (!hold) throw new DomainError('not_found', `No legal hold ${id}.`);
    const target = hold.departmentId
      ? await this.departmentTarget(auth, hold.department as string)
      : await this.conversationTarget(auth, hold.conversationId as string);
    await inTransaction(this.dataSource, async (tx) => {
      if (!(await this.holds.release(tx, id, auth.userId, request.reason))) {
        throw new DomainError(
          'conflict',
          `That legal hold was already released (${hold.releasedAt?.toISOString()}).`,
        );
      }
      await this.audit.record(tx, actorOf(auth), {
        action: 'legal-hold.release',
        entityType: 'legal_hold',
        entityId: id,
        departmentId: target.departmentId,
        before: { reason: hold.reason },
        after: { reason: request.reason },
      });
    });
    return holdOf((await this.holds.find(this.dataSource, id)) as LegalHoldRow);
  }

  private async departmentTarget(auth: AuthContext, key: string) {
    const department = await this.access.resolve(auth, key, PERMISSION);
    return { departmentId: department.id };
  }

  /** A conversation's hold belongs to its departments: one of them must be the caller's to hold. */
  private async conversationTarget(auth: AuthContext, conversationId: string) {
    const departments = await this.holds.departmentsOfConversation(this.dataSource, conversationId);
    const shared = departments?.length ? departments : null;
    if (departments === null || !this.access.mayReadAny(auth, shared)) {
      throw new DomainError('not_found', `No conversation ${conversationId} that you can see.`);
    }
    if (!mayInOneOf(auth, shared, PERMISSION)) {
      throw new DomainError(
        'forbidden',
        `Only ${whoMay(PERMISSION)} of its department can hold this conversation.`,
      );
    }
    return { departmentId: shared?.[0] ?? null };
  }
}
