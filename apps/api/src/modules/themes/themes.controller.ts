import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { themesQuerySchema, themesResponseSchema, type ThemesResponse } from '@parley/contracts';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { ThemesService } from './themes.service';

@ApiTags('themes')
@Controller('themes')
export class ThemesController {
  constructor(private readonly themes: ThemesService) {}

  @Authorize('department.read')
  @Get()
  @Endpoint({
    summary: 'What the public talks about: a department’s themes for a period',
    description:
      'Each theme of the department’s on-topic posts with its mentions, its share of on-topic mentions (null when ' +
      'there are none), the comparison period’s share and the change in points, and a representative excerpt with ' +
      'personal data removed. The window is [from, to) in UTC. Anyone who can see the department reads its themes.',
    query: themesQuerySchema,
    ok: {
      description: 'The themes, most mentioned first, and how they were found.',
      schema: themesResponseSchema,
    },
    errors: [400, 404],
  })
  read(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<ThemesResponse> {
    return this.themes.read(auth, parseWith(themesQuerySchema, query, 'query'));
  }
}
