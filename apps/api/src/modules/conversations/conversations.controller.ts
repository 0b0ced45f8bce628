import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  authorViewReasonRequestSchema,
  authorViewReasonSchema,
  conversationDetailSchema,
  conversationPageSchema,
  conversationQuerySchema,
  type ConversationDetail,
  type AuthorViewReason,
  type ConversationPage,
} from '@parley/contracts';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { ConversationsService } from './conversations.service';

@ApiTags('conversations')
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Authorize('department.read')
  @Get()
  @Endpoint({
    summary: "A department's inbox",
    description:
      'Conversations tagged for the department, best opportunities first (or most recent), a page at a time. ' +
      'Each tag explains why: the rules that matched, the signals with their evidence, the suggested route and resources; ' +
      'and where the work stands: its opportunity id, status, assignee, first-response deadline, SLA state and version. ' +
      'Filters narrow the list and combine (all must hold): `status`, `route` and `sla` take several values ' +
      '(`status=new,assigned`), `assignee` is `me`, `nobody` or a user id, `source` a source key, `q` words in the ' +
      'thread (websearch syntax: "a phrase", `or`, `-word`). Keep the same filters and sort when passing `cursor`.',
    query: conversationQuerySchema,
    ok: {
      description: 'One page of the inbox; pass `nextCursor` as `cursor` for the next.',
      schema: conversationPageSchema,
    },
    errors: [400, 404],
  })
  inbox(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<ConversationPage> {
    return this.conversations.inbox(auth, parseWith(conversationQuerySchema, query, 'query'));
  }

  @Authorize('department.read')
  @Get(':id')
  @Endpoint({
    summary: 'One conversation with its thread',
    description:
      "The thread's posts in order, and the tags of the caller's departments. Opening it counts as viewing each " +
      'member of the public who posted in it: `authorViews` warns about one the caller has opened often lately ' +
      '(directed surveillance), and past the workspace’s reason threshold their posts are `withheld` until the ' +
      'caller records a reason.',
    params: { id: 'The conversation id, as the inbox gives it.' },
    ok: { description: 'The conversation.', schema: conversationDetailSchema },
    errors: [404],
  })
  detail(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<ConversationDetail> {
    return this.conversations.detail(auth, id);
  }

  @Authorize('department.read')
  @Post(':id/author-views/reason')
  @HttpCode(201)
  @Endpoint({
    summary: 'Say why you need to keep reading one person’s posts',
    description:
      'Records (and audits) why the caller keeps opening posts by this member of the public (`author`, from the ' +
      'conversation’s `authorViews`). It covers that person for the workspace’s view window; their posts show again.',
    params: { id: 'The conversation id.' },
    body: authorViewReasonRequestSchema,
    ok: { status: 201, description: 'The reason, and until when it covers.', schema: authorViewReasonSchema },
    errors: [400, 404],
  })
  authorViewReason(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<AuthorViewReason> {
    return this.conversations.recordAuthorViewReason(
      auth,
      id,
      parseWith(authorViewReasonRequestSchema, body, 'reason'),
    );
  }
}
