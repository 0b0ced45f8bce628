import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { LiveEvents } from './live-events.service';
import {
  LiveEventsController,
  NotificationPreferencesController,
  NotificationsController,
} from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** In-app notifications, email choices, the live stream and department webhooks; the fan-out runs in the worker. */
@Module({
  controllers: [
    NotificationsController,
    NotificationPreferencesController,
    LiveEventsController,
    WebhooksController,
  ],
  providers: [NotificationsService, WebhooksService, LiveEvents, DepartmentAccess],
})
export class NotificationsModule {}
