import { Injectable } from '@nestjs/common';
import { DraftRepository, type OpportunityRow, type Queryable } from '@parley/db';
import { DomainError, clearanceReasons, type Route } from '@parley/domain';
import { ElectionPeriodsService } from '../propriety/election-periods.service';

export type DraftForReply = { id: string; text: string; needsClearance: boolean };

const refuse = (code: 'invalid' | 'conflict', message: string) =>
  new DomainError(code, message, [{ path: 'draftId', message }]);

/**
 * The opportunity's draft as the reply: its latest text, or a refusal saying why not. A draft that needs
 * clearance (its route, a view or announcement not set aside, an election period) is the reply only once its
 * latest version is approved, as the drafts module decides it.
 */
@Injectable()
export class DraftGate {
  constructor(
    private readonly drafts: DraftRepository,
    private readonly elections: ElectionPeriodsService,
  ) {}

  async forReply(
    q: Queryable,
    o: OpportunityRow,
    draftId: string | undefined,
  ): Promise<DraftForReply | null> {
    const draft = await this.drafts.find(q, o.id);
    if (draftId && draft?.id !== draftId)
      throw refuse(
        'invalid',
        'That draft is not this conversation’s: open the conversation again and use its draft.',
      );
    const latest =
      draft && draft.version > 0 ? await this.drafts.version(q, draft.id, draft.version) : undefined;
    if (!draft || !latest) return null;
    const reasons = clearanceReasons({
      route: o.route as Route,
      findings: latest.findings,
      overrides: latest.overrides,
      electionPeriod: (await this.elections.current()) !== null,
    });
    if (reasons.length > 0) {
      const clearance = await this.drafts.latestClearance(q, draft.id);
      if (clearance?.outcome !== 'approved' || clearance.draftVersion !== draft.version)
        throw refuse(
          'conflict',
          'This draft needs clearance and is not approved yet: submit it for clearance, and post it once the reviewers have approved it.',
        );
    }
    return { id: draft.id, text: latest.text, needsClearance: reasons.length > 0 };
  }
}
