import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { flagAuthorRequestSchema, flaggedAuthorSchema, type FlaggedAuthor } from '@parley/contracts';
import { z } from 'zod';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { FlaggedAuthorsService } from './flagged-authors.service';

const EFFECT =
  'Their posts leave the department’s mentions, share of voice and reach (counted as excluded) once the ' +
  'hours they posted in are recounted, within minutes.';

/** Spam and bot authors a department leaves out of its public-data metrics. */
@ApiTags('metrics')
@Controller('departments/:department/flagged-authors')
export class FlaggedAuthorsController {
  constructor(private readonly flagged: FlaggedAuthorsService) {}

  @Authorize('department.read')
  @Get()
  @Endpoint({
    summary: 'The authors a department has flagged as spam or bots',
    params: { department: 'The department key.' },
    ok: { description: 'Newest first.', schema: z.array(flaggedAuthorSchema) },
    errors: [404],
  })
  list(@CurrentUser() auth: AuthContext, @Param('department') department: string): Promise<FlaggedAuthor[]> {
    return this.flagged.list(auth, department);
  }

  @Authorize('evaluation.record')
  @Post()
  @Endpoint({
    summary: 'Flag an author as spam or a bot',
    description: EFFECT,
    params: { department: 'The department key.' },
    body: flagAuthorRequestSchema,
    ok: { status: 201, description: 'Flagged.', schema: flaggedAuthorSchema },
    errors: [400, 404, 409],
  })
  flag(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Body() body: unknown,
  ): Promise<FlaggedAuthor> {
    return this.flagged.flag(auth, department, parseWith(flagAuthorRequestSchema, body, 'flagged author'));
  }

  @Authorize('evaluation.record')
  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Unflag an author',
    description: 'Their posts count again once the hours they posted in are recounted, within minutes.',
    params: { department: 'The department key.', id: 'The flag’s id.' },
    ok: { status: 204, description: 'Unflagged.' },
    errors: [404],
  })
  unflag(
    @CurrentUser() auth: AuthContext,
    @Param('department') department: string,
    @Param('id') id: string,
  ): Promise<void> {
    return this.flagged.unflag(auth, department, id);
  }
}
