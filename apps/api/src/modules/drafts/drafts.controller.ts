import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  clearanceItemSchema,
  clearanceQuerySchema,
  draftDiffQuerySchema,
  draftDiffSchema,
  draftOverrideRequestSchema,
  draftReviewRequestSchema,
  draftSaveSchema,
  draftSchema,
  draftSubmitSchema,
  draftVersionSchema,
  type ClearanceItem,
  type Draft,
  type DraftDiff,
  type DraftVersion,
} from '@parley/contracts';
import { z } from 'zod';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { DraftFlow } from './draft-flow.service';

const OPPORTUNITY = { id: 'The opportunity id (each tag of a conversation carries its `opportunityId`).' };

@ApiTags('drafts')
@Controller()
export class DraftsController {
  constructor(private readonly flow: DraftFlow) {}

  @Authorize('department.read')
  @Get('opportunities/:id/draft')
  @Endpoint({
    summary: 'The draft reply',
    description:
      'The current draft of a reply to the opportunity (version 0 before anything is saved): its latest text with ' +
      'the propriety findings at save time, the account it will be posted from, whether it needs clearance and why, ' +
      'and its latest submission with the reviews.',
    params: OPPORTUNITY,
    ok: { description: 'The draft.', schema: draftSchema },
    errors: [404],
  })
  get(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<Draft> {
    return this.flow.get(auth, id);
  }

  @Authorize('conversation.act')
  @Put('opportunities/:id/draft')
  @Endpoint({
    summary: 'Save a draft version',
    description:
      'Keeps the text as a new version, checked for propriety as it is stored. `expectedVersion` is the draft ' +
      'version it was written from: when someone saved meanwhile nothing is kept (409). The first save moves the ' +
      'opportunity to drafting; a save after submission takes it back to drafting, and earlier approvals no longer count.',
    params: OPPORTUNITY,
    body: draftSaveSchema,
    ok: { description: 'The draft with the new version.', schema: draftSchema },
    errors: [400, 404, 409],
  })
  save(@CurrentUser() auth: AuthContext, @Param('id') id: string, @Body() body: unknown): Promise<Draft> {
    return this.flow.save(auth, id, parseWith(draftSaveSchema, body, 'draft'));
  }

  @Authorize('department.read')
  @Get('opportunities/:id/draft/versions')
  @Endpoint({
    summary: 'Every version of the draft',
    description:
      'Newest first: text, findings at save time, findings set aside with why, who saved it and when.',
    params: OPPORTUNITY,
    ok: { description: 'The versions.', schema: z.array(draftVersionSchema) },
    errors: [404],
  })
  versions(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<DraftVersion[]> {
    return this.flow.versions(auth, id);
  }

  @Authorize('department.read')
  @Get('opportunities/:id/draft/diff')
  @Endpoint({
    summary: 'What changed between two versions',
    description: 'Word by word. Version 0 is the empty text before the first save.',
    params: OPPORTUNITY,
    query: draftDiffQuerySchema,
    ok: { description: 'The text in parts: unchanged, added or removed.', schema: draftDiffSchema },
    errors: [400, 404],
  })
  diff(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: Record<string, string>,
  ): Promise<DraftDiff> {
    const { from, to } = parseWith(draftDiffQuerySchema, query, 'query');
    return this.flow.diff(auth, id, from, to);
  }

  @Authorize('conversation.act')
  @Post('opportunities/:id/draft/overrides')
  @HttpCode(200)
  @Endpoint({
    summary: 'Set a finding aside',
    description:
      'Says why a propriety finding of the latest version does not apply. The reason is kept with the version and ' +
      'in the audit log; a `view` or `announcement` finding set aside no longer sends the draft to clearance.',
    params: OPPORTUNITY,
    body: draftOverrideRequestSchema,
    ok: { description: 'The draft.', schema: draftSchema },
    errors: [400, 404, 409],
  })
  override(@CurrentUser() auth: AuthContext, @Param('id') id: string, @Body() body: unknown): Promise<Draft> {
    return this.flow.override(auth, id, parseWith(draftOverrideRequestSchema, body, 'override'));
  }

  @Authorize('conversation.act')
  @Post('opportunities/:id/draft/submit')
  @HttpCode(200)
  @Endpoint({
    summary: 'Submit for clearance',
    description:
      'Sends the latest version to a policy official and a comms officer of the department (and a manager during ' +
      'an election period); the opportunity moves to in-clearance.',
    params: OPPORTUNITY,
    body: draftSubmitSchema,
    ok: { description: 'The draft, waiting for clearance.', schema: draftSchema },
    errors: [400, 404, 409],
  })
  submit(@CurrentUser() auth: AuthContext, @Param('id') id: string, @Body() body: unknown): Promise<Draft> {
    return this.flow.submit(auth, id, parseWith(draftSubmitSchema, body, 'submission'));
  }

  @Authorize('department.read')
  @Post('opportunities/:id/draft/reviews')
  @HttpCode(200)
  @Endpoint({
    summary: 'Approve, or request changes',
    description:
      'A policy official, comms officer or manager of the department reviews the submitted version. The author ' +
      'cannot. When a policy official and a comms officer (and during an election period a manager) have ' +
      'approved, the opportunity is approved; a request for changes (with a comment) sends it back to drafting.',
    params: OPPORTUNITY,
    body: draftReviewRequestSchema,
    ok: { description: 'The draft with the review.', schema: draftSchema },
    errors: [400, 404, 409],
  })
  review(@CurrentUser() auth: AuthContext, @Param('id') id: string, @Body() body: unknown): Promise<Draft> {
    return this.flow.review(auth, id, parseWith(draftReviewRequestSchema, body, 'review'));
  }

  @Authorize('department.read')
  @Get('clearance')
  @Endpoint({
    summary: 'Drafts waiting for clearance',
    description:
      "The department's drafts waiting for the caller's approval (as a policy official, comms officer or manager), " +
      'oldest first, with how long each has waited.',
    query: clearanceQuerySchema,
    ok: { description: 'The queue.', schema: z.array(clearanceItemSchema) },
    errors: [400, 404],
  })
  queue(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<ClearanceItem[]> {
    return this.flow.queue(auth, parseWith(clearanceQuerySchema, query, 'query').department);
  }
}
