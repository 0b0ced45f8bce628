import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  engagementListSchema,
  engagementRecordedSchema,
  recordEngagementSchema,
  type EngagementList,
  type EngagementRecorded,
} from '@parley/contracts';
import { Endpoint } from '../../common/openapi';
import { parseId } from '../../common/parse-id';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { EngagementsService } from './engagements.service';

const NOT_FOUND = 'No opportunity with that id that you can see.';

@ApiTags('engagements')
@Controller('opportunities/:id/engagements')
export class EngagementsController {
  constructor(private readonly engagements: EngagementsService) {}

  @Authorize('department.read')
  @Get()
  @Endpoint({
    summary: "An opportunity's engagements",
    description:
      'What was recorded or published on it, and the department accounts a reply can be posted from.',
    params: { id: 'The opportunity id.' },
    ok: { description: 'The engagements, oldest first, and the accounts.', schema: engagementListSchema },
    errors: [404],
  })
  list(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<EngagementList> {
    return this.engagements.list(auth, parseId(id, NOT_FOUND));
  }

  @Authorize('conversation.act')
  @Post()
  @Endpoint({
    summary: 'Record or publish the reply',
    description:
      'Records what was done (kind, mode, where and when, outcome, "you said, we did"), or with `publish: true` ' +
      "posts it from one of the department's Mastodon or Bluesky accounts. The opportunity becomes `responded`. " +
      'A draft that needs clearance must be approved first. A publish the platform refuses answers 502 with what ' +
      'to do, is kept on the engagement, and can be retried: the platform is given the same key, so it is never ' +
      'posted twice.',
    params: { id: 'The opportunity id.' },
    body: recordEngagementSchema,
    ok: { status: 201, description: 'Recorded (and published).', schema: engagementRecordedSchema },
    errors: [400, 404, 409, 502],
  })
  record(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<EngagementRecorded> {
    return this.engagements.record(
      auth,
      parseId(id, NOT_FOUND),
      parseWith(recordEngagementSchema, body, 'engagement'),
    );
  }
}
