import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { bundleQuerySchema } from '@parley/contracts';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { BundleService } from './bundle.service';
import { zipStream } from './zip-stream';

@ApiTags('governance')
@Controller('conversations')
export class BundleController {
  constructor(private readonly bundles: BundleService) {}

  @Authorize('department.read')
  @Get(':id/bundle')
  @Endpoint({
    summary: 'FOI case bundle of a conversation',
    description:
      'A ZIP of everything Parley holds on the department’s handling of the conversation: the thread, the rule ' +
      'versions that tagged it, the triage, every status change, draft, review, referral and engagement with times ' +
      'and people, and the audit trail — as JSON, CSV and a printable summary.html. With `redact=public`, members ' +
      'of the public’s names, handles, profile links and personal data are replaced; the department’s own posts ' +
      'and staff names stay. Each download is audited.',
    params: { id: 'The conversation id, as the inbox gives it.' },
    query: bundleQuerySchema,
    ok: { description: 'The bundle.', file: 'application/zip' },
    errors: [400, 404],
  })
  async bundle(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: Record<string, string>,
  ): Promise<StreamableFile> {
    const bundle = await this.bundles.build(auth, id, parseWith(bundleQuerySchema, query, 'query'));
    return new StreamableFile(zipStream(bundle.files, bundle.generatedAt), {
      type: 'application/zip',
      disposition: `attachment; filename="${bundle.fileName}"`,
    });
  }
}
