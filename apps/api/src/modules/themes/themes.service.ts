import { Inject, Injectable } from '@nestjs/common';
import type { Theme, ThemesQuery, ThemesResponse } from '@parley/contracts';
import { DATA_SOURCE, ThemeRepository, type ThemeMentions } from '@parley/db';
import {
  METRICS_DEFINITIONS_VERSION,
  comparisonWindow,
  parseWindow,
  themeShares,
  type ThemeShare,
  type Window,
} from '@parley/domain';
import { THEMES_METHOD } from '@parley/tagging';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import type { AuthContext } from '../auth/auth-context';

/** One period's themes, from the hourly roll-ups: the themes with their mentions, and the on-topic total. */
/** `excluded`: on-topic posts of flagged spam or bot authors, left out of every count. */
export type ThemesReading = { onTopic: number; excluded: number; themes: ThemeMentions[] };

const windowDto = (window: Window) => ({ from: window.from.toISOString(), to: window.to.toISOString() });

/** A department's themes for a period and its comparison, read from `theme_hour` and `on_topic_hour` only. */
@Injectable()
export class ThemesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly themes: ThemeRepository,
    private readonly access: DepartmentAccess,
  ) {}

  async read(auth: AuthContext, query: ThemesQuery): Promise<ThemesResponse> {
    const department = await this.access.resolve(auth, query.department);
    const window = parseWindow(query.from, query.to);
    const compare = comparisonWindow(window, query.compare);
    const { current, previous, shares } = await this.shares(department.id, window, compare);
    const about = new Map([...(previous?.themes ?? []), ...current.themes].map((t) => [t.id, t]));
    return {
      definitionsVersion: METRICS_DEFINITIONS_VERSION,
      department: department.key,
      window: windowDto(window),
      compare: compare ? windowDto(compare) : null,
      onTopic: current.onTopic,
      method: THEMES_METHOD,
      themes: shares.map((share) => toDto(share, about.get(share.id)!)),
    };
  }

  /** Every theme's share of the window and its change against `compare`; the calculator reads this too. */
  async shares(
    departmentId: string,
    window: Window,
    compare: Window | null,
  ): Promise<{ current: ThemesReading; previous: ThemesReading | null; shares: ThemeShare[] }> {
    const [current, previous] = await Promise.all([
      this.reading(departmentId, window),
      compare ? this.reading(departmentId, compare) : Promise.resolve(null),
    ]);
    return { current, previous, shares: themeShares(current, previous) };
  }

  private async reading(departmentId: string, window: Window): Promise<ThemesReading> {
    const [{ mentions: onTopic, excluded }, themes] = await Promise.all([
      this.themes.onTopicIn(this.dataSource, departmentId, window.from, window.to),
      this.themes.themesIn(this.dataSource, departmentId, window.from, window.to),
    ]);
    return { onTopic, excluded, themes };
  }
}

const toDto = (share: ThemeShare, theme: ThemeMentions): Theme => ({
  id: share.id,
  label: theme.label,
  keyphrases: theme.keyphrases.map((k) => k.text),
  mentions: share.mentions,
  share: share.share,
  previousShare: share.previousShare,
  change: share.change,
  smallSample: share.smallSample,
  excerpt: theme.excerpt ? { text: theme.excerpt, url: theme.excerptUrl } : null,
});
