import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  QUERY_SYNTAX,
  type SyntaxHelpEntry,
  backfillSchema,
  previewRequestSchema,
  previewResponseSchema,
  type PreviewResponse,
  ruleSavedSchema,
  ruleSchema,
  ruleUpsertSchema,
  ruleVersionSchema,
  type Backfill,
  type Rule,
  type RuleSaved,
  type RuleVersion,
} from '@parley/contracts';
import { z } from 'zod';
import { schemaOf } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { RulesService } from './rules.service';

@ApiTags('rules')
@Controller()
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Authorize('department.read')
  @Get('rules')
  @ApiOkResponse({ schema: schemaOf(z.array(ruleSchema)) })
  list(@CurrentUser() auth: AuthContext, @Query('department') department?: string): Promise<Rule[]> {
    return this.rules.list(auth, department);
  }

  @Authorize('department.read')
  @Get('rules/:department/:key/versions')
  @ApiOkResponse({ schema: schemaOf(z.array(ruleVersionSchema)) })
  versions(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Param('key') key: string,
  ): Promise<RuleVersion[]> {
    return this.rules.versions(auth, department, key);
  }

  @Authorize('rule.edit')
  @Put('rules/:department/:key')
  @ApiBody({ schema: schemaOf(ruleUpsertSchema) })
  @ApiOkResponse({
    schema: schemaOf(ruleSavedSchema),
    description:
      'Saved; recent conversations are re-tagged by the backfill job (backfillState "pending": Redis was not answering, and it is queued once Redis is back).',
  })
  save(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Param('key') key: string,
    @Body() body: unknown,
  ): Promise<RuleSaved> {
    return this.rules.save(auth, department, key, parseWith(ruleUpsertSchema, body, 'rule'));
  }

  @Authorize('department.read')
  @Post('rules/preview')
  @HttpCode(200)
  @ApiBody({ schema: schemaOf(previewRequestSchema) })
  @ApiOkResponse({
    schema: schemaOf(previewResponseSchema),
    description: 'Conversations the query would have matched.',
  })
  preview(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<PreviewResponse> {
    return this.rules.preview(auth, parseWith(previewRequestSchema, body, 'preview'));
  }

  @Authorize('signed-in')
  @Get('rules/syntax')
  @ApiOkResponse({ description: 'The query language in brief: form, meaning, example.' })
  syntax(): readonly SyntaxHelpEntry[] {
    return QUERY_SYNTAX;
  }

  @Authorize('department.read')
  @Get('backfills/:id')
  @ApiOkResponse({ schema: schemaOf(backfillSchema) })
  backfill(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<Backfill> {
    return this.rules.backfill(auth, id);
  }
}
