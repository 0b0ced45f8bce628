import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  sentimentAccuracyResponseSchema,
  sentimentDepartmentQuerySchema,
  sentimentLabelRequestSchema,
  sentimentLabelResponseSchema,
  sentimentSampleSchema,
  type SentimentAccuracyResponse,
  type SentimentLabelResponse,
  type SentimentSample,
} from '@parley/contracts';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { SentimentService } from './sentiment.service';

const LABELLERS = 'Policy officials, managers and admins of the department label posts.';

@ApiTags('sentiment')
@Controller('sentiment')
export class SentimentController {
  constructor(private readonly sentiment: SentimentService) {}

  @Authorize('evaluation.record')
  @Get('sample')
  @Endpoint({
    summary: 'A random sample of the department’s recent public mentions to label',
    description: `Up to 20 posts from the last 30 days that nobody in the department has labelled, without the classifier’s reading. ${LABELLERS}`,
    query: sentimentDepartmentQuerySchema,
    ok: { description: 'The posts to label.', schema: sentimentSampleSchema },
    errors: [400, 404],
  })
  sample(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<SentimentSample> {
    return this.sentiment.sample(auth, parseWith(sentimentDepartmentQuerySchema, query, 'query').department);
  }

  @Authorize('evaluation.record')
  @Put('labels/:postId')
  @Endpoint({
    summary: 'Label a post negative, neutral or positive',
    description: `The label overrides the classifier for this post in the department’s counts, and is what the classifier’s accuracy is measured against. Audited. ${LABELLERS}`,
    params: { postId: 'The post’s id, from the sample.' },
    query: sentimentDepartmentQuerySchema,
    body: sentimentLabelRequestSchema,
    ok: { description: 'The label and the classifier’s accuracy now.', schema: sentimentLabelResponseSchema },
    errors: [400, 404],
  })
  label(
    @CurrentUser() auth: AuthContext,
    @Param('postId') postId: string,
    @Query() query: Record<string, string>,
    @Body() body: unknown,
  ): Promise<SentimentLabelResponse> {
    const { department } = parseWith(sentimentDepartmentQuerySchema, query, 'query');
    return this.sentiment.label(auth, department, postId, body);
  }

  @Authorize('department.read')
  @Get('accuracy')
  @Endpoint({
    summary: 'How accurate the sentiment classifier was when people checked it',
    description:
      'Accuracy with its 95% confidence interval (Wilson) and macro recall, against the department’s labels. Anyone who can see the department reads it.',
    query: sentimentDepartmentQuerySchema,
    ok: {
      description: 'The classifier and its accuracy, or null before anyone labelled.',
      schema: sentimentAccuracyResponseSchema,
    },
    errors: [400, 404],
  })
  accuracy(
    @CurrentUser() auth: AuthContext,
    @Query() query: Record<string, string>,
  ): Promise<SentimentAccuracyResponse> {
    return this.sentiment.accuracy(
      auth,
      parseWith(sentimentDepartmentQuerySchema, query, 'query').department,
    );
  }
}
