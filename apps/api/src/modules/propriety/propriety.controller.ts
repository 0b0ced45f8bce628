import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  currentElectionPeriodSchema,
  proprietyCheckRequestSchema,
  proprietyCheckResponseSchema,
  type CurrentElectionPeriod,
  type ProprietyCheckResponse,
} from '@parley/contracts';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { ElectionPeriodsService } from './election-periods.service';
import { ProprietyService } from './propriety.service';

@ApiTags('propriety')
@Controller()
export class ProprietyController {
  constructor(
    private readonly propriety: ProprietyService,
    private readonly electionPeriods: ElectionPeriodsService,
  ) {}

  @Authorize('conversation.act')
  @Post('propriety/check')
  @HttpCode(200)
  @Endpoint({
    summary: 'Check a draft for propriety',
    description:
      'The checks the draft pane runs as you type: announcements, party politics, Parliament, who is speaking, ' +
      'personal data, promises, views and (while one is in force) the election period. Each finding is a span ' +
      'of the text (UTF-16 offsets, `text.slice(start, end)`), what the risk is and what to do. Nothing is stored.',
    body: proprietyCheckRequestSchema,
    ok: { description: 'The findings, in the order of the text.', schema: proprietyCheckResponseSchema },
    errors: [400, 404],
  })
  check(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<ProprietyCheckResponse> {
    return this.propriety.check(auth, parseWith(proprietyCheckRequestSchema, body, 'check'));
  }

  @Authorize('signed-in')
  @Get('election-periods/current')
  @Endpoint({
    summary: 'The election period in force',
    description:
      'The workspace’s election period that includes today (UK dates, both ends included), or null. While one ' +
      'is in force, proactive posts need a manager’s approval and every draft carries an election-period finding.',
    ok: { description: 'The period in force, or `current: null`.', schema: currentElectionPeriodSchema },
  })
  async current(): Promise<CurrentElectionPeriod> {
    return { current: await this.electionPeriods.current() };
  }
}
