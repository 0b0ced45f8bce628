import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { AlertLive } from './alert-live.service';
import { AlertMutesService } from './alert-mutes.service';
import { AlertPreferencesService } from './alert-preferences.service';
import {
  AlertMutesController,
  AlertPreferencesController,
  AlertsController,
  ResistCasesController,
} from './alerts.controller';
import { AlertsService } from './alerts.service';
import { ResistCasesService } from './resist-cases.service';

/** Reading and handling alerts, their mutes, RESIST cases and each person's alert delivery; delivery runs in the worker. */
@Module({
  controllers: [AlertsController, AlertMutesController, ResistCasesController, AlertPreferencesController],
  providers: [
    AlertsService,
    AlertMutesService,
    ResistCasesService,
    AlertPreferencesService,
    AlertLive,
    DepartmentAccess,
  ],
})
export class AlertsModule {}
