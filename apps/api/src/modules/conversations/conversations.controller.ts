import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  conversationDetailSchema,
  conversationPageSchema,
  conversationQuerySchema,
  type ConversationDetail,
  type ConversationPage,
} from '@parley/contracts';
import { schemaOf } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { ConversationsService } from './conversations.service';

@ApiTags('conversations')
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Authorize('department.read')
  @Get()
  @ApiOkResponse({ schema: schemaOf(conversationPageSchema) })
  inbox(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<ConversationPage> {
    return this.conversations.inbox(auth, parseWith(conversationQuerySchema, query, 'query'));
  }

  @Authorize('department.read')
  @Get(':id')
  @ApiOkResponse({ schema: schemaOf(conversationDetailSchema) })
  detail(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<ConversationDetail> {
    return this.conversations.detail(auth, id);
  }
}
