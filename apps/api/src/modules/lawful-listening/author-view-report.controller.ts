import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  authorViewReportQuerySchema,
  authorViewReportSchema,
  type AuthorViewReport,
} from '@parley/contracts';
import { Readable } from 'node:stream';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { AuthorViewReportService } from './author-view-report.service';

@ApiTags('reports')
@Controller('reports')
export class AuthorViewReportController {
  constructor(private readonly report: AuthorViewReportService) {}

  @Authorize('workspace-admin')
  @Get('author-views')
  @Endpoint({
    summary: 'Repeated viewing of members of the public, for the data protection officer',
    description:
      'Who opened conversations with posts by the same member of the public, how many and how often, over the ' +
      'period (by latest opening), how far that went against the workspace’s warning and reason thresholds, and ' +
      'the reasons recorded. As JSON, or a CSV (`format=csv`, audited). Workspace administrators only.',
    query: authorViewReportQuerySchema,
    ok: { description: 'The report (JSON, or a CSV file).', schema: authorViewReportSchema },
    errors: [400],
  })
  async authorViews(
    @CurrentUser() auth: AuthContext,
    @Query() query: Record<string, string>,
  ): Promise<AuthorViewReport | StreamableFile> {
    const parsed = parseWith(authorViewReportQuerySchema, query, 'query');
    if (parsed.format === 'json') return this.report.build(parsed);
    const name = `parley-author-views-${parsed.from}-${parsed.to}`.replace(/[^A-Za-z0-9._-]/g, '_');
    return new StreamableFile(Readable.from(await this.report.csv(auth, parsed)), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${name}.csv"`,
    });
  }
}
