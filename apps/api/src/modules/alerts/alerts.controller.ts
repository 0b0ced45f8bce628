import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  alertActionSchema,
  alertListQuerySchema,
  alertListSchema,
  alertMuteInputSchema,
  alertMuteListQuerySchema,
  alertMuteListSchema,
  alertMuteSchema,
  alertPreferencesSchema,
  alertSchema,
  alertSeriesSchema,
  resistCaseListQuerySchema,
  resistCaseListSchema,
  resistCasePatchSchema,
  resistCaseSchema,
  type Alert,
  type AlertList,
  type AlertMute,
  type AlertMuteList,
  type AlertPreferences,
  type AlertSeries,
  type ResistCase,
  type ResistCaseList,
} from '@parley/contracts';
import type { Response } from 'express';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { AlertMutesService } from './alert-mutes.service';
import { AlertPreferencesService } from './alert-preferences.service';
import { AlertsService } from './alerts.service';
import { ResistCasesService } from './resist-cases.service';

const ALERT_ID = { id: 'The alert id.' };

/** Alerts raised by the detectors, and what people do about them. */
@ApiTags('alerts')
@Controller('alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly cases: ResistCasesService,
  ) {}

  @Authorize('department.read')
  @Get()
  @Endpoint({
    summary: 'Alerts in the departments you can read',
    description:
      'Newest first, by when the rise started; `status=open` includes snoozed alerts whose snooze has ended. `from`/`to` keep alerts still seen after `from` and started before `to`. `openCount` is every open alert you can see (the header badge), whatever the filters.',
    query: alertListQuerySchema,
    ok: { description: 'One page of alerts.', schema: alertListSchema },
    errors: [400, 404],
  })
  list(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<AlertList> {
    return this.alerts.list(auth, parseWith(alertListQuerySchema, query, 'query'));
  }

  @Authorize('department.read')
  @Get(':id')
  @Endpoint({
    summary: 'One alert, with its measure and explanation',
    params: ALERT_ID,
    ok: { description: 'The alert.', schema: alertSchema },
    errors: [404],
  })
  get(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<Alert> {
    return this.alerts.get(auth, id);
  }

  @Authorize('department.read')
  @Get(':id/series')
  @Endpoint({
    summary: 'The series an alert was judged on',
    description:
      'Hour by hour, observed against expected with the band (low–high) the rise crossed, as the detector last saw it.',
    params: ALERT_ID,
    ok: { description: 'The series.', schema: alertSeriesSchema },
    errors: [404],
  })
  series(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<AlertSeries> {
    return this.alerts.series(auth, id);
  }

  @Authorize('conversation.act')
  @Post(':id/actions')
  @HttpCode(200)
  @Endpoint({
    summary: 'Acknowledge, assign, snooze, close or reopen an alert',
    description:
      'One action: `acknowledge`; `assign` to a member of the department (`userId`); `snooze` until a time in the next 7 days; `close` with an `outcome` note; `reopen` a closed alert (it may be delivered again). An action the alert’s status does not allow answers 409 saying why. Every action is audited.',
    params: ALERT_ID,
    body: alertActionSchema,
    ok: { description: 'The alert as it is now.', schema: alertSchema },
    errors: [400, 404, 409],
  })
  act(@CurrentUser() auth: AuthContext, @Param('id') id: string, @Body() body: unknown): Promise<Alert> {
    return this.alerts.act(auth, id, parseWith(alertActionSchema, body, 'action'));
  }

  @Authorize('conversation.act')
  @Post(':id/case')
  @Endpoint({
    summary: 'Open a RESIST case from an alert',
    description:
      'Prefilled from the alert’s explanation (recognise, early warning, situational insight, the conversations behind its posts). An alert has one case: asking again answers 200 with the case already open.',
    params: ALERT_ID,
    ok: { status: 201, description: 'The case, opened now (201) or before (200).', schema: resistCaseSchema },
    errors: [404],
  })
  async openCase(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResistCase> {
    const opened = await this.cases.open(auth, id);
    res.status(opened.created ? 201 : 200);
    return opened.case;
  }
}

@ApiTags('alerts')
@Controller('alert-mutes')
export class AlertMutesController {
  constructor(private readonly mutes: AlertMutesService) {}

  @Authorize('department.read')
  @Get()
  @Endpoint({
    summary: 'Mutes in force',
    description:
      'The rules and sources whose alerts are silenced, and until when, in the departments you can read (so an alerts page can say why a rise raised nothing).',
    query: alertMuteListQuerySchema,
    ok: { description: 'The mutes, ending soonest first.', schema: alertMuteListSchema },
    errors: [400, 404],
  })
  list(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<AlertMuteList> {
    return this.mutes.list(auth, parseWith(alertMuteListQuerySchema, query, 'query').department);
  }

  @Authorize('rule.edit')
  @Post()
  @Endpoint({
    summary: 'Mute a rule or a source for a time',
    description:
      'Its detectors raise no alerts until `until` (at most 90 days ahead). The rule must be the department’s; the source its own or one shared by every department.',
    body: alertMuteInputSchema,
    ok: { status: 201, description: 'The mute.', schema: alertMuteSchema },
    errors: [400, 404],
  })
  create(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<AlertMute> {
    return this.mutes.create(auth, parseWith(alertMuteInputSchema, body, 'mute'));
  }

  @Authorize('rule.edit')
  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    summary: 'End a mute now',
    params: { id: 'The mute id.' },
    ok: { status: 204, description: 'Ended.' },
    errors: [404],
  })
  remove(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<void> {
    return this.mutes.remove(auth, id);
  }
}

@ApiTags('alerts')
@Controller('cases')
export class ResistCasesController {
  constructor(private readonly cases: ResistCasesService) {}

  @Authorize('department.read')
  @Get()
  @Endpoint({
    summary: 'RESIST cases',
    description: 'The latest 200 cases in the departments you can read (or one department), newest first.',
    query: resistCaseListQuerySchema,
    ok: { description: 'The cases.', schema: resistCaseListSchema },
    errors: [400, 404],
  })
  list(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<ResistCaseList> {
    return this.cases.list(auth, parseWith(resistCaseListQuerySchema, query, 'query'));
  }

  @Authorize('department.read')
  @Get(':id')
  @Endpoint({
    summary: 'One RESIST case',
    params: { id: 'The case id.' },
    ok: { description: 'The case.', schema: resistCaseSchema },
    errors: [404],
  })
  get(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<ResistCase> {
    return this.cases.get(auth, id);
  }

  @Authorize('conversation.act')
  @Patch(':id')
  @Endpoint({
    summary: 'Work on a RESIST case, or close or reopen it',
    description:
      'Fields left out are kept. Linked conversations, objectives and lessons must be the department’s own. `status: closed` closes the case; `open` reopens it. Audited.',
    params: { id: 'The case id.' },
    body: resistCasePatchSchema,
    ok: { description: 'The case as it is now.', schema: resistCaseSchema },
    errors: [400, 404],
  })
  change(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<ResistCase> {
    return this.cases.change(auth, id, parseWith(resistCasePatchSchema, body, 'change'));
  }
}

@ApiTags('alerts')
@Controller('me/alert-preferences')
export class AlertPreferencesController {
  constructor(private readonly preferences: AlertPreferencesService) {}

  @Authorize('signed-in')
  @Get()
  @Endpoint({
    summary: 'How alerts reach you',
    description:
      'In-app and email; below `minSeverity` an alert reaches you only in a digest; in quiet hours (London time) no email is sent. Until you choose: both channels, every severity, no quiet hours.',
    ok: { description: 'Your choices.', schema: alertPreferencesSchema },
  })
  get(@CurrentUser() auth: AuthContext): Promise<AlertPreferences> {
    return this.preferences.get(auth);
  }

  @Authorize('signed-in')
  @Put()
  @Endpoint({
    summary: 'Choose how alerts reach you',
    body: alertPreferencesSchema,
    ok: { description: 'Your choices as they are now.', schema: alertPreferencesSchema },
    errors: [400],
  })
  save(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<AlertPreferences> {
    return this.preferences.save(auth, parseWith(alertPreferencesSchema, body, 'choice'));
  }
}
