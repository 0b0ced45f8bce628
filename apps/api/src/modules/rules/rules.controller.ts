import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  QUERY_SYNTAX,
  type SyntaxHelpEntry,
  backfillSchema,
  previewRequestSchema,
  previewResponseSchema,
  type PreviewResponse,
  ruleSavedSchema,
  ruleListQuerySchema,
  ruleSchema,
  ruleUpsertSchema,
  ruleVersionSchema,
  type Backfill,
  type Rule,
  type RuleSaved,
  type RuleVersion,
} from '@parley/contracts';
import { z } from 'zod';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { RulesService } from './rules.service';

@ApiTags('rules')
@Controller()
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Authorize('department.read')
  @Get('rules')
  @Endpoint({
    summary: 'Listening rules',
    description: 'The rules of one department, or of every department the caller can see.',
    query: ruleListQuerySchema,
    ok: { description: 'The rules, with their current version.', schema: z.array(ruleSchema) },
    errors: [404],
  })
  list(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<Rule[]> {
    return this.rules.list(auth, parseWith(ruleListQuerySchema, query, 'query').department);
  }

  @Authorize('department.read')
  @Get('rules/:department/:key/versions')
  @Endpoint({
    summary: "A rule's history",
    description: 'Every version of the rule, newest first, with who changed it, when and why.',
    params: { department: 'The department key.', key: 'The rule key.' },
    ok: { description: 'The versions.', schema: z.array(ruleVersionSchema) },
    errors: [404],
  })
  versions(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Param('key') key: string,
  ): Promise<RuleVersion[]> {
    return this.rules.versions(auth, department, key);
  }

  @Authorize('rule.edit')
  @Put('rules/:department/:key')
  @Endpoint({
    summary: 'Add or change a rule',
    description:
      'Saves a new version with its reason. A change to an existing rule must name the version it was made from ' +
      '(`expectedVersion`); conversations are then re-tagged by a backfill job whose progress can be followed.',
    params: {
      department: 'The department key.',
      key: 'The rule key: lower-case letters, digits and hyphens.',
    },
    body: ruleUpsertSchema,
    ok: {
      description:
        'Saved, with the backfill that re-tags (`backfillState` "pending": Redis was not answering; it is queued once Redis is back).',
      schema: ruleSavedSchema,
    },
    errors: [400, 404, 409, 428],
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
  @Endpoint({
    summary: 'Preview a query',
    description:
      "How many of the department's conversations a query would have matched (default: 30 days), and a sample.",
    body: previewRequestSchema,
    ok: { description: 'The count and a sample of up to ten.', schema: previewResponseSchema },
    errors: [400, 404],
  })
  preview(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<PreviewResponse> {
    return this.rules.preview(auth, parseWith(previewRequestSchema, body, 'preview'));
  }

  @Authorize('signed-in')
  @Get('rules/syntax')
  @Endpoint({
    summary: 'Query language help',
    ok: { description: 'The query language in brief: form, meaning, example.' },
  })
  syntax(): readonly SyntaxHelpEntry[] {
    return QUERY_SYNTAX;
  }

  @Authorize('department.read')
  @Get('backfills/:id')
  @Endpoint({
    summary: 'Progress of a re-tagging job',
    params: { id: 'The backfill id a rule save answered.' },
    ok: { description: 'Its state and progress.', schema: backfillSchema },
    errors: [404],
  })
  backfill(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<Backfill> {
    return this.rules.backfill(auth, id);
  }
}
