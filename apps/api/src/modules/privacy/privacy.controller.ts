import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  legalHoldReleaseSchema,
  legalHoldRequestSchema,
  legalHoldSchema,
  retentionStatusSchema,
  subjectExportSchema,
  subjectRequestCreateSchema,
  subjectRequestSchema,
  type LegalHold,
  type RetentionStatus,
  type SubjectExport,
  type SubjectRequest,
} from '@parley/contracts';
import { z } from 'zod';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { LegalHoldsService } from './legal-holds.service';
import { RetentionStatusService } from './retention-status.service';
import { SubjectRequestsService } from './subject-requests.service';

/** Legal holds: a department's managers and admins, and workspace administrators. */
@ApiTags('privacy')
@Controller('legal-holds')
export class LegalHoldsController {
  constructor(private readonly holds: LegalHoldsService) {}

  @Authorize('legal-hold.manage')
  @Get()
  @Endpoint({
    summary: 'The legal holds on the caller’s departments and their conversations',
    description: 'Holds in force first, then released ones, newest first.',
    ok: { description: 'The holds.', schema: z.array(legalHoldSchema) },
  })
  list(@CurrentUser() auth: AuthContext): Promise<LegalHold[]> {
    return this.holds.list(auth);
  }

  @Authorize('legal-hold.manage')
  @Post()
  @Endpoint({
    summary: 'Place a legal hold on a conversation or a department',
    description:
      'While it is in force, retention neither deletes nor pseudonymises what it covers, and a subject request leaves ' +
      'it (and says so in its receipt). Audited with its reason (the FOI or litigation case).',
    body: legalHoldRequestSchema,
    ok: { status: 201, description: 'Placed.', schema: legalHoldSchema },
    errors: [400, 404],
  })
  place(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<LegalHold> {
    return this.holds.place(auth, parseWith(legalHoldRequestSchema, body, 'legal hold'));
  }

  @Authorize('legal-hold.manage')
  @Delete(':id')
  @Endpoint({
    summary: 'Release a legal hold',
    description: 'Retention applies again from its next run. Audited with the reason given.',
    params: { id: 'The hold’s id.' },
    body: legalHoldReleaseSchema,
    ok: { description: 'Released.', schema: legalHoldSchema },
    errors: [400, 404, 409],
  })
  release(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<LegalHold> {
    return this.holds.release(auth, id, parseWith(legalHoldReleaseSchema, body ?? {}, 'release'));
  }
}

/** Subject requests: workspace administrators only (the data protection officer's work). */
@ApiTags('privacy')
@Controller('subject-requests')
export class SubjectRequestsController {
  constructor(private readonly requests: SubjectRequestsService) {}

  @Authorize('workspace-admin')
  @Get()
  @Endpoint({
    summary: 'The subject requests made, newest first',
    ok: { description: 'The requests and their receipts.', schema: z.array(subjectRequestSchema) },
  })
  list(): Promise<SubjectRequest[]> {
    return this.requests.list();
  }

  @Authorize('workspace-admin')
  @Post()
  @Endpoint({
    summary: 'Find everything held about one public author',
    description:
      'By handle (any platform, with or without @), name or profile link, across every source: their posts ' +
      '(including ones retention pseudonymised), the engagements whose notes name them, spam or bot flags, and ' +
      'theme excerpts quoted from them. Answers counts; the export gives the data.',
    body: subjectRequestCreateSchema,
    ok: { status: 201, description: 'The request, with what was found.', schema: subjectRequestSchema },
    errors: [400],
  })
  create(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<SubjectRequest> {
    return this.requests.create(auth, parseWith(subjectRequestCreateSchema, body, 'subject request'));
  }

  @Authorize('workspace-admin')
  @Get(':id')
  @Endpoint({
    summary: 'A subject request and its receipt',
    params: { id: 'The request’s id.' },
    ok: { description: 'What was asked, found and done, by whom and when.', schema: subjectRequestSchema },
    errors: [404],
  })
  get(@Param('id') id: string): Promise<SubjectRequest> {
    return this.requests.get(id);
  }

  @Authorize('workspace-admin')
  @Get(':id/export')
  @Endpoint({
    summary: 'Everything held about the subject, as JSON to give them',
    description: 'Read now, so after an erasure it shows what is left (posts under a legal hold). Audited.',
    params: { id: 'The request’s id.' },
    ok: {
      description: 'Their posts, the engagements naming them and flags on them.',
      schema: subjectExportSchema,
    },
    errors: [404],
  })
  export(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<SubjectExport> {
    return this.requests.export(auth, id);
  }

  @Authorize('workspace-admin')
  @Post(':id/erase')
  @HttpCode(200)
  @Endpoint({
    summary: 'Erase what was found',
    description:
      'Their posts are deleted (text, names, links), their names in engagement notes removed and their flags ' +
      'removed; figures already counted stay. Posts under a legal hold are kept and counted in the receipt. Once.',
    params: { id: 'The request’s id.' },
    ok: { description: 'The receipt.', schema: subjectRequestSchema },
    errors: [404, 409],
  })
  erase(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<SubjectRequest> {
    return this.requests.act(auth, id, 'erase');
  }

  @Authorize('workspace-admin')
  @Post(':id/pseudonymise')
  @HttpCode(200)
  @Endpoint({
    summary: 'Pseudonymise what was found',
    description:
      'Their names, handles, profile links and follower counts are replaced by a stable token; text is kept only ' +
      'where a department took part in the conversation. Posts under a legal hold are kept. Once.',
    params: { id: 'The request’s id.' },
    ok: { description: 'The receipt.', schema: subjectRequestSchema },
    errors: [404, 409],
  })
  pseudonymise(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<SubjectRequest> {
    return this.requests.act(auth, id, 'pseudonymise');
  }
}

/** Retention: what it is set to do and what its job did (set in the workspace document). */
@ApiTags('privacy')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionStatusService) {}

  @Authorize('workspace-admin')
  @Get()
  @Endpoint({
    summary: 'How long public posts are kept, and what the retention job has done',
    description:
      'The default and each source’s setting (set in the workspace document), the last runs with their counts, ' +
      'when the next runs, and how many legal holds are in force.',
    ok: { description: 'The status.', schema: retentionStatusSchema },
  })
  status(): Promise<RetentionStatus> {
    return this.retention.status();
  }
}
