import { Injectable } from '@nestjs/common';
import { EngagementRepository, type OpportunityRow, type Queryable } from '@parley/db';
import { DomainError } from '@parley/domain';

/** Findings that send a draft to clearance unless someone set them aside with a reason (as the drafts module rules). */
const CLEARANCE_KINDS = ['view', 'announcement'];

const sameSpan = (a: { kind: string; start: number; end: number }, b: typeof a) =>
  a.kind === b.kind && a.start === b.start && a.end === b.end;

/**
 * The draft a reply is posted or recorded from: its approved text, or a refusal saying why not. A draft that needs
 * clearance (its route, or a view or announcement not set aside) cannot be the reply until its latest version is
 * approved.
 */
@Injectable()
export class DraftGate {
  constructor(private readonly engagements: EngagementRepository) {}

  async forReply(
    q: Queryable,
    o: OpportunityRow,
    draftId: string | undefined,
  ): Promise<{ text: string } | null> {
    if (!draftId) return null;
    const draft = await this.engagements.draftForReply(q, o.id, draftId);
    if (!draft) {
      const message =
        'That draft is not one of this conversation’s: open the conversation again and use its draft.';
      throw new DomainError('invalid', message, [{ path: 'draftId', message }]);
    }
    const open = draft.findings.filter(
      (f) => CLEARANCE_KINDS.includes(f.kind) && !draft.overrides.some((x) => sameSpan(f, x)),
    );
    const needsClearance = o.route === 'clearance' || open.length > 0;
    if (needsClearance && draft.clearance !== 'approved') {
      const message =
        'This draft needs clearance and is not approved yet: submit it for clearance, and post it once a policy and a comms colleague have approved it.';
      throw new DomainError('conflict', message, [{ path: 'draftId', message }]);
    }
    return { text: draft.text };
  }
}
