import { Body, Controller, Get, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  digestSubscriptionInputSchema,
  digestSubscriptionQuerySchema,
  digestSubscriptionSchema,
  impactReportQuerySchema,
  impactReportSchema,
  type DigestSubscription,
  type ImpactReport,
} from '@parley/contracts';
import { reportCsv } from '@parley/domain';
import { Readable } from 'node:stream';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { DigestService } from './digest.service';
import { ImpactReportService } from './impact-report.service';
import { reportPdf } from './report-pdf';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ImpactReportService,
    private readonly digests: DigestService,
  ) {}

  @Authorize('evaluation.read')
  @Get('impact')
  @Endpoint({
    summary: 'The impact report of a department and period',
    description:
      'At one level of detail (overview on one page, snapshot by objective, or the full story with method, every ' +
      'metric and case narratives), as JSON for the screen, a CSV of every table or an A4 PDF. Each records the ' +
      'filters and the metrics definitions version it used; a CSV or PDF download is audited. Policy officials, ' +
      'managers and admins of the department read it.',
    query: impactReportQuerySchema,
    ok: { description: 'The report (JSON, or a CSV or PDF file).', schema: impactReportSchema },
    errors: [400, 404],
  })
  async impact(
    @CurrentUser() auth: AuthContext,
    @Query() query: Record<string, string>,
  ): Promise<ImpactReport | StreamableFile> {
    const parsed = parseWith(impactReportQuerySchema, query, 'query');
    if (parsed.format === 'json') return this.reports.build(auth, parsed);
    const report = await this.reports.export(auth, parsed);
    const name = `parley-impact-${report.department}-${report.level}-${parsed.from}-${parsed.to}`.replace(
      /[^A-Za-z0-9._-]/g,
      '_',
    );
    return parsed.format === 'csv'
      ? new StreamableFile(Readable.from(reportCsv(report)), {
          type: 'text/csv; charset=utf-8',
          disposition: `attachment; filename="${name}.csv"`,
        })
      : new StreamableFile(reportPdf(report), {
          type: 'application/pdf',
          disposition: `attachment; filename="${name}.pdf"`,
        });
  }

  @Authorize('evaluation.read')
  @Get('digest-subscriptions')
  @Endpoint({
    summary: 'Whether you get the weekly impact digest of a department',
    description:
      'The caller’s own subscription, and the week last sent. Policy officials, managers and admins.',
    query: digestSubscriptionQuerySchema,
    ok: { description: 'The subscription.', schema: digestSubscriptionSchema },
    errors: [400, 404],
  })
  digestSubscriptionOf(
    @CurrentUser() auth: AuthContext,
    @Query() query: Record<string, string>,
  ): Promise<DigestSubscription> {
    return this.digests.subscription(
      auth,
      parseWith(digestSubscriptionQuerySchema, query, 'query').department,
    );
  }

  @Authorize('evaluation.read')
  @Put('digest-subscriptions')
  @Endpoint({
    summary: 'Subscribe to the weekly impact digest, or stop it',
    description:
      'The caller’s own subscription to a department’s weekly overview by email (sent once per London week for ' +
      'the seven days before). Policy officials, managers and admins of the department may subscribe.',
    body: digestSubscriptionInputSchema,
    ok: { description: 'The subscription as it now stands.', schema: digestSubscriptionSchema },
    errors: [400, 404],
  })
  digestSubscription(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<DigestSubscription> {
    return this.digests.setSubscription(auth, parseWith(digestSubscriptionInputSchema, body));
  }
}
