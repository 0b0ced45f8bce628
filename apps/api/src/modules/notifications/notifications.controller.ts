import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  liveStreamQuerySchema,
  markReadRequestSchema,
  notificationPageSchema,
  notificationPreferencesSchema,
  notificationQuerySchema,
  savePreferencesRequestSchema,
  unreadCountSchema,
  type NotificationPage,
  type NotificationPreferences,
  type UnreadCount,
} from '@parley/contracts';
import type { Response } from 'express';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { LiveEvents } from './live-events.service';
import { NotificationsService } from './notifications.service';

/** Last-Event-ID is the id of an opportunity event; anything else starts the stream afresh. */
const eventIdOf = (header: string | undefined): string | null =>
  header && /^[1-9][0-9]{0,17}$/.test(header) ? header : null;

/** The caller's own notifications; every signed-in person has some, whatever their role. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Authorize('signed-in')
  @Get()
  @Endpoint({
    summary: 'Your notifications',
    description:
      'What concerns you, newest first: conversations assigned to you, mentions, drafts to clear, reviews of your drafts, first responses nearly due or overdue, referrals to your department.',
    query: notificationQuerySchema,
    ok: { description: 'One page, with how many are unread in all.', schema: notificationPageSchema },
    errors: [400],
  })
  list(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<NotificationPage> {
    return this.notifications.list(auth, parseWith(notificationQuerySchema, query, 'query'));
  }

  @Authorize('signed-in')
  @Post('read')
  @HttpCode(200)
  @Endpoint({
    summary: 'Mark notifications read',
    description: 'Some of yours by id, or all of them; ids that are not yours change nothing.',
    body: markReadRequestSchema,
    ok: { description: 'How many of yours are still unread.', schema: unreadCountSchema },
    errors: [400],
  })
  markRead(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<UnreadCount> {
    return this.notifications.markRead(auth, parseWith(markReadRequestSchema, body));
  }
}

@ApiTags('notifications')
@Controller('account/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Authorize('signed-in')
  @Get()
  @Endpoint({
    summary: 'What reaches you by email',
    description: 'Each kind of notification, and whether it is also emailed to you. Email is opt-in.',
    ok: { description: 'Your choices.', schema: notificationPreferencesSchema },
  })
  get(@CurrentUser() auth: AuthContext): Promise<NotificationPreferences> {
    return this.notifications.preferences(auth);
  }

  @Authorize('signed-in')
  @Put()
  @Endpoint({
    summary: 'Choose what reaches you by email',
    description: 'Kinds left out keep their choice.',
    body: savePreferencesRequestSchema,
    ok: { description: 'Your choices as they are now.', schema: notificationPreferencesSchema },
    errors: [400],
  })
  save(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<NotificationPreferences> {
    return this.notifications.savePreferences(auth, parseWith(savePreferencesRequestSchema, body, 'choice'));
  }
}

@ApiTags('notifications')
@Controller('events')
export class LiveEventsController {
  constructor(private readonly live: LiveEvents) {}

  @Authorize('signed-in')
  @Get()
  @ApiProduces('text/event-stream')
  @Endpoint({
    summary: 'Live changes (server-sent events)',
    description:
      'A text/event-stream of `opportunity` events (data: `{id, kind, at, department, opportunityId, conversationId}`) for the departments you can read, `alert` when an alert is raised or changes there (data: `{alertId, department, kind, severity, status, headline, at}`), `notification` when your notifications change, and `reset` when more was missed than can be replayed (refetch everything). Send `Last-Event-ID` to get what was missed. Comments are heartbeats.',
    query: liveStreamQuerySchema,
    ok: { description: 'The stream.' },
    errors: [400],
  })
  async stream(
    @CurrentUser() auth: AuthContext,
    @Query() query: Record<string, string>,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const { stay } = parseWith(liveStreamQuerySchema, query, 'query');
    await this.live.open(auth, res, eventIdOf(lastEventId), stay);
  }
}
