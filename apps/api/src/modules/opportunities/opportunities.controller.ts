import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  assignRequestSchema,
  bulkRequestSchema,
  bulkResultSchema,
  declineRequestSchema,
  noteRequestSchema,
  opportunityHistorySchema,
  opportunitySchema,
  referralOutcomeRequestSchema,
  referRequestSchema,
  reopenRequestSchema,
  versionOnlySchema,
  type BulkResult,
  type Opportunity,
  type OpportunityHistory,
} from '@parley/contracts';
import { Endpoint } from '../../common/openapi';
import { parseId } from '../../common/parse-id';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { OpportunityActionsService } from './opportunity-actions.service';
import { OpportunityReadsService } from './opportunity-reads.service';
import { ReferralService } from './referral.service';

const ID = {
  id: 'The opportunity id: a conversation as one department works on it (`opportunityId` of a tag).',
};
const idOf = (raw: string) => parseId(raw, `No conversation ${raw} that you can see.`);
const CHANGED = {
  description: 'The opportunity as it now is, with its new version.',
  schema: opportunitySchema,
};

@ApiTags('opportunities')
@Controller('opportunities')
export class OpportunitiesController {
  constructor(
    private readonly reads: OpportunityReadsService,
    private readonly actions: OpportunityActionsService,
    private readonly referrals: ReferralService,
  ) {}

  @Authorize('conversation.act')
  @Post('bulk')
  @HttpCode(200)
  @Endpoint({
    summary: 'Assign or decline many at once',
    description:
      'Each conversation is checked and changed on its own, with its own `expectedVersion`; the answer gives each ' +
      'one the status it alone would have had, so one that someone else changed meanwhile spoils no other.',
    body: bulkRequestSchema,
    ok: { description: 'What happened to each, in the order sent.', schema: bulkResultSchema },
    errors: [400, 404],
  })
  bulk(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<BulkResult> {
    return this.actions.bulk(auth, parseWith(bulkRequestSchema, body));
  }

  @Authorize('department.read')
  @Get(':id')
  @Endpoint({
    summary: 'One opportunity: where it stands',
    description:
      'Status, assignee, version (send it back with a change), first-response deadline and SLA state.',
    params: ID,
    ok: { description: 'The opportunity.', schema: opportunitySchema },
    errors: [404],
  })
  get(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<Opportunity> {
    return this.reads.get(auth, idOf(id));
  }

  @Authorize('department.read')
  @Get(':id/history')
  @Endpoint({
    summary: "An opportunity's timeline",
    description: 'Every change, note, referral and deadline warning, oldest first, with who did it.',
    params: ID,
    ok: { description: 'The timeline.', schema: opportunityHistorySchema },
    errors: [404],
  })
  history(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<OpportunityHistory> {
    return this.reads.history(auth, idOf(id));
  }

  @Authorize('conversation.act')
  @Post(':id/assign')
  @HttpCode(200)
  @Endpoint({
    summary: 'Assign it to someone, or take it yourself',
    params: ID,
    body: assignRequestSchema,
    ok: CHANGED,
    errors: [400, 404, 409],
  })
  assign(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Opportunity> {
    return this.actions.assign(auth, idOf(id), parseWith(assignRequestSchema, body));
  }

  @Authorize('conversation.act')
  @Post(':id/unassign')
  @HttpCode(200)
  @Endpoint({
    summary: 'Give it back to the inbox',
    params: ID,
    body: versionOnlySchema,
    ok: CHANGED,
    errors: [400, 404, 409],
  })
  unassign(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Opportunity> {
    return this.actions.unassign(auth, idOf(id), parseWith(versionOnlySchema, body));
  }

  @Authorize('conversation.act')
  @Post(':id/decline')
  @HttpCode(200)
  @Endpoint({
    summary: 'Decline it, with a reason',
    params: ID,
    body: declineRequestSchema,
    ok: CHANGED,
    errors: [400, 404, 409],
  })
  decline(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Opportunity> {
    return this.actions.decline(auth, idOf(id), parseWith(declineRequestSchema, body));
  }

  @Authorize('conversation.act')
  @Post(':id/refer')
  @HttpCode(200)
  @Endpoint({
    summary: 'Refer it to the press office or another department',
    description:
      "Referred to another department, the conversation appears in that department's inbox with the note and where " +
      'it came from. Record what comes back with `referral-outcome`.',
    params: ID,
    body: referRequestSchema,
    ok: CHANGED,
    errors: [400, 404, 409],
  })
  refer(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Opportunity> {
    return this.referrals.refer(auth, idOf(id), parseWith(referRequestSchema, body));
  }

  @Authorize('conversation.act')
  @Post(':id/referral-outcome')
  @HttpCode(200)
  @Endpoint({
    summary: 'Record what came back from a referral',
    params: ID,
    body: referralOutcomeRequestSchema,
    ok: CHANGED,
    errors: [400, 404, 409],
  })
  referralOutcome(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Opportunity> {
    return this.actions.recordReferralOutcome(auth, idOf(id), parseWith(referralOutcomeRequestSchema, body));
  }

  @Authorize('conversation.act')
  @Post(':id/reopen')
  @HttpCode(200)
  @Endpoint({
    summary: 'Reopen a declined or referred one',
    params: ID,
    body: reopenRequestSchema,
    ok: CHANGED,
    errors: [400, 404, 409],
  })
  reopen(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Opportunity> {
    return this.actions.reopen(auth, idOf(id), parseWith(reopenRequestSchema, body));
  }

  @Authorize('conversation.act')
  @Post(':id/notes')
  @Endpoint({
    summary: 'Add an internal note',
    description: 'Mention a member with @ and their email address (`@sam@example.gov.uk`): they are told.',
    params: ID,
    body: noteRequestSchema,
    ok: { status: 201, ...CHANGED },
    errors: [400, 404],
  })
  note(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Opportunity> {
    return this.actions.addNote(auth, idOf(id), parseWith(noteRequestSchema, body));
  }
}
