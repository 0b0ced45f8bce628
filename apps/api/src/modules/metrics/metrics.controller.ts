import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  metricPostsPageSchema,
  metricPostsQuerySchema,
  metricsQuerySchema,
  metricsResponseSchema,
  seriesQuerySchema,
  seriesResponseSchema,
  type MetricPostsPage,
  type MetricsResponse,
  type SeriesResponse,
} from '@parley/contracts';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { MetricPostsService } from './metric-posts.service';
import { MetricsService } from './metrics.service';

const ACCESS = 'Anyone who can see the department reads its metrics.';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly posts: MetricPostsService,
  ) {}

  @Authorize('department.read')
  @Get()
  @Endpoint({
    summary: 'Every metric of METRICS.md for a department and period',
    description:
      'Each value with n, numerator, denominator, the comparison period’s value and the change; null means no ' +
      `data. The window is [from, to) in UTC. ${ACCESS}`,
    query: metricsQuerySchema,
    ok: { description: 'The metrics, keyed by their METRICS.md ids.', schema: metricsResponseSchema },
    errors: [400, 404],
  })
  read(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<MetricsResponse> {
    return this.metrics.read(auth, parseWith(metricsQuerySchema, query, 'query'));
  }

  @Authorize('department.read')
  @Get('posts')
  @Endpoint({
    summary:
      'The posts behind a bar or a point: a department’s public mentions, or a theme’s posts, in a period',
    description:
      'Newest first, a page at a time (pass nextCursor back as cursor), with the total. Leaves out the ' +
      'department’s own posts and flagged spam or bot authors, as the counts do. By platform; by sentiment ' +
      '(a person’s label in the department, else the classifier’s); by theme (a theme id of the department: ' +
      `the on-topic posts placed in it, which need not name the department). ${ACCESS}`,
    query: metricPostsQuerySchema,
    ok: { description: 'One page of posts, excerpts as plain text.', schema: metricPostsPageSchema },
    errors: [400, 404],
  })
  postsBehind(
    @CurrentUser() auth: AuthContext,
    @Query() query: Record<string, string>,
  ): Promise<MetricPostsPage> {
    return this.posts.page(auth, parseWith(metricPostsQuerySchema, query, 'query'));
  }

  @Authorize('department.read')
  @Get(':id/series')
  @Endpoint({
    summary: 'One metric over time, for a chart',
    description: `Bucket by bucket (hour, day or week; days and weeks begin at midnight in London). ${ACCESS}`,
    params: { id: 'A metric id from METRICS.md (mentions, velocity, net_sentiment, …).' },
    query: seriesQuerySchema,
    ok: { description: 'The points, oldest first.', schema: seriesResponseSchema },
    errors: [400, 404],
  })
  series(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: Record<string, string>,
  ): Promise<SeriesResponse> {
    return this.metrics.series(auth, id, parseWith(seriesQuerySchema, query, 'query'));
  }
}
