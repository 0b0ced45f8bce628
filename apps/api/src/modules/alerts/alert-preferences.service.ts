import { Inject, Injectable } from '@nestjs/common';
import { alertPreferencesSchema, type AlertPreferences } from '@parley/contracts';
import { AlertRepository, AuditRepository, DATA_SOURCE, inTransaction } from '@parley/db';
import { alertPreferencesOf } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { actorOf, type AuthContext } from '../auth/auth-context';

/** The caller's own alert delivery; nobody reads or sets anyone else's. */
@Injectable()
export class AlertPreferencesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly audit: AuditRepository,
  ) {}

  async get(auth: AuthContext): Promise<AlertPreferences> {
    return this.read(await this.alerts.preferencesOf(this.dataSource, auth.userId));
  }

  async save(auth: AuthContext, preferences: AlertPreferences): Promise<AlertPreferences> {
    await inTransaction(this.dataSource, async (tx) => {
      const before = this.read(await this.alerts.preferencesOf(tx, auth.userId));
      await this.alerts.setPreferences(tx, auth.userId, preferences);
      await this.audit.record(tx, actorOf(auth), {
        action: 'alert-preferences.update',
        entityType: 'user',
        entityId: auth.userId,
        before,
        after: preferences,
      });
    });
    return preferences;
  }

  /** Stored `{}` (never chosen) or a shape from an older version reads as the defaults. */
  private read(stored: Record<string, unknown>): AlertPreferences {
    const parsed = alertPreferencesSchema.safeParse(alertPreferencesOf(stored));
    return parsed.success ? parsed.data : alertPreferencesOf(null);
  }
}
