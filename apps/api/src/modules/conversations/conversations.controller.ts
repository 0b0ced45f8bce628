import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  conversationDetailSchema,
  conversationPageSchema,
  conversationQuerySchema,
  type ConversationDetail,
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
    description: "The thread's posts in order, and the tags of the caller's departments.",
    params: { id: 'The conversation id, as the inbox gives it.' },
    ok: { description: 'The conversation.', schema: conversationDetailSchema },
    errors: [404],
  })
  detail(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<ConversationDetail> {
    return this.conversations.detail(auth, id);
  }
}
