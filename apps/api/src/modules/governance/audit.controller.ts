import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { auditPageSchema, auditQuerySchema, type AuditPage } from '@parley/contracts';
import { Readable } from 'node:stream';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { AuditService } from './audit.service';

const ACCESS =
  'A workspace administrator reads every event; a department’s admins and managers read their department’s.';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Authorize('audit.read')
  @Get('audit')
  @Endpoint({
    summary: 'The audit log',
    description: `Every recorded change — who, what, when, before and after — newest first, a page at a time. ${ACCESS}`,
    query: auditQuerySchema,
    ok: { description: 'One page; pass `nextCursor` as `cursor` for the next.', schema: auditPageSchema },
    errors: [400, 404],
  })
  page(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<AuditPage> {
    return this.audit.page(auth, parseWith(auditQuerySchema, query, 'query'));
  }

  @Authorize('audit.read')
  @Get('audit.csv')
  @Endpoint({
    summary: 'The audit log as CSV',
    description:
      'The same filters as the audit log, every matching event (the export itself is audited). Cells a spreadsheet ' +
      `would run as a formula start with an apostrophe. ${ACCESS}`,
    query: auditQuerySchema.omit({ limit: true }),
    ok: { description: 'The events, newest first.', file: 'text/csv' },
    errors: [400, 404],
  })
  async csv(
    @CurrentUser() auth: AuthContext,
    @Query() query: Record<string, string>,
  ): Promise<StreamableFile> {
    const lines = await this.audit.exportCsv(auth, parseWith(auditQuerySchema, query, 'query'));
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="parley-audit.csv"',
    });
  }
}
