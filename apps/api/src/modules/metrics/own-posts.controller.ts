import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ownPostsQuerySchema, ownPostsResponseSchema, type OwnPostsResponse } from '@parley/contracts';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { OwnPostsService } from './own-posts.service';

@ApiTags('metrics')
@Controller('metrics')
export class OwnPostsController {
  constructor(private readonly ownPosts: OwnPostsService) {}

  @Authorize('department.read')
  @Get('own-posts')
  @Endpoint({
    summary: 'The department’s best or worst own posts, with why',
    description:
      'Ranked by engagement rate: (likes + reposts + replies by others) ÷ followers when posted ×100. Each post ' +
      'has its counters, its rate and a reason in plain words against the window’s median rate; posts without a ' +
      'follower count are counted, not ranked. The window is [from, to) in UTC. Anyone who can see the ' +
      'department reads them.',
    query: ownPostsQuerySchema,
    ok: { description: 'The posts, best (or worst) first.', schema: ownPostsResponseSchema },
    errors: [400, 404],
  })
  list(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<OwnPostsResponse> {
    return this.ownPosts.list(auth, parseWith(ownPostsQuerySchema, query, 'query'));
  }
}
