import { Inject, Injectable } from '@nestjs/common';
import type { Opportunity, OpportunityHistory } from '@parley/contracts';
import { DATA_SOURCE, OpportunityRepository, WorkspaceRepository, type OpportunityRow } from '@parley/db';
import { DomainError, mayInDepartment, rolesAllowing } from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { eventOf, opportunityOf, peopleNamedIn } from './opportunity-mapper';

/** One opportunity as its department sees it, and its whole timeline. */
@Injectable()
export class OpportunityReadsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly opportunities: OpportunityRepository,
    private readonly workspace: WorkspaceRepository,
  ) {}

  async get(auth: AuthContext, id: string): Promise<Opportunity> {
    return this.present(auth, await this.visible(auth, id));
  }

  /** An opportunity the caller can see, as they see it: who they could assign it to and refer it to, if they act. */
  async present(auth: AuthContext, row: OpportunityRow): Promise<Opportunity> {
    const mayAct = mayInDepartment(auth, row.departmentId, 'conversation.act');
    const [from, assignable, departments] = await Promise.all([
      row.referredFromId ? this.opportunities.find(this.dataSource, row.referredFromId) : undefined,
      mayAct
        ? this.opportunities.actingMembers(
            this.dataSource,
            row.departmentId,
            rolesAllowing('conversation.act'),
          )
        : [],
      mayAct ? this.workspace.allDepartments(this.dataSource) : [],
    ]);
    return opportunityOf(row, {
      now: new Date(),
      referredFrom: from ?? null,
      assignable,
      referralTargets: departments.filter((d) => d.id !== row.departmentId),
    });
  }

  async history(auth: AuthContext, id: string): Promise<OpportunityHistory> {
    const row = await this.visible(auth, id);
    const events = await this.opportunities.history(this.dataSource, row.id);
    const names = new Map(
      (await this.opportunities.namesOf(this.dataSource, peopleNamedIn(events))).map((p) => [p.id, p.name]),
    );
    return { items: events.map((e) => eventOf(e, names)) };
  }

  private async visible(auth: AuthContext, id: string): Promise<OpportunityRow> {
    const row = await this.opportunities.find(this.dataSource, id);
    if (!row || !mayInDepartment(auth, row.departmentId, 'department.read')) {
      throw new DomainError('not_found', `No conversation ${id} that you can see.`);
    }
    return row;
  }
}
