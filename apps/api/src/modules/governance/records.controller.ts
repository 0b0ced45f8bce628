import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { recordsExportQuerySchema } from '@parley/contracts';
import { Readable } from 'node:stream';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { RecordsService } from './records.service';

@ApiTags('governance')
@Controller('records')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Authorize('records.export')
  @Get('export')
  @Endpoint({
    summary: 'A department’s engagement records for the records office',
    description:
      'Every reply, pointer and original post the department recorded or published through Parley and posted in ' +
      'the period (whole days in UTC, `from` to `to` inclusive), each with its conversation, the post it answered, ' +
      'its draft versions and clearance, and a link to the conversation’s FOI case bundle. As one JSON document, ' +
      'a CSV of engagements (one row each; cells a spreadsheet would run as a formula start with an apostrophe) or ' +
      'a self-contained HTML page. Written as it is read, so a long period is fine. Each export is audited. ' +
      'The department’s managers and admins export it.',
    query: recordsExportQuerySchema,
    ok: { description: 'The records, oldest first.', file: 'application/json' },
    errors: [400, 404],
  })
  async export(
    @CurrentUser() auth: AuthContext,
    @Query() query: Record<string, string>,
  ): Promise<StreamableFile> {
    const file = await this.records.export(auth, parseWith(recordsExportQuerySchema, query, 'query'));
    return new StreamableFile(Readable.from(file.lines), {
      type: file.type,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
