import type { Queryable } from '../queryable';
import { FLAGGED_AUTHOR, HOUR_OF } from './mention-rollup.repository';
import { withoutRetiredHours } from './retired-hours';

export type ThemeKeyphrase = { key: string; text: string };
export type CatalogueTheme = { id: string; key: string; label: string; keyphrases: ThemeKeyphrase[] };
/** An on-topic post waiting to be placed: who it is on topic for, its text, and the hour it counts in. */
export type OnTopicPost = {
  id: string;
  departmentId: string;
  text: string;
  url: string | null;
  authorName: string | null;
  authorHandle: string | null;
  hour: Date;
};
/** A post that fitted no theme when placed, with the keyphrases it was placed by. */
export type UnthemedPost = OnTopicPost & { keyphrases: ThemeKeyphrase[] };
export type PostPlacement = {
  postId: string;
  departmentId: string;
  /** The theme's key in the department's catalogue, or null: fits no theme yet. */
  themeKey: string | null;
  hour: Date;
  /** Kept only while the post fits no theme, to try it again when new themes are made. */
  keyphrases: ThemeKeyphrase[] | null;
};
export type NewThemeRow = {
  key: string;
  label: string;
  keyphrases: ThemeKeyphrase[];
  excerpt: string | null;
  excerptUrl: string | null;
};
export type OnTopicTotals = { mentions: number; excluded: number };
export type ThemeMentions = {
  id: string;
  label: string;
  keyphrases: ThemeKeyphrase[];
  excerpt: string | null;
  excerptUrl: string | null;
  mentions: number;
};

/** A theme's id is derived from its department and seed, so placing the same posts again finds the same theme. */
const THEME_ID = (department: string, key: string) => `md5(${department}::text || ':' || ${key})::uuid`;

/**
 * Themes: each department's catalogue, where each on-topic post was placed, and the hourly roll-ups
 * (`theme_hour`, `on_topic_hour`) that every themes query reads instead of posts.
 */
export class ThemeRepository {
  /** As the mentions roll-up's watermark, started at the oldest opportunity's tagging on the first run. */
  async lockWatermark(q: Queryable, name: string): Promise<{ countedTo: Date; now: Date }> {
    await q.query(
      `INSERT INTO rollup_watermark (name, counted_to)
       VALUES ($1, coalesce((SELECT min(tagged_at) FROM opportunity), now())) ON CONFLICT (name) DO NOTHING`,
      [name],
    );
    const rows: { countedTo: Date; now: Date }[] = await q.query(
      `SELECT counted_to AS "countedTo", now() AS now FROM rollup_watermark WHERE name = $1 FOR UPDATE`,
      [name],
    );
    return rows[0];
  }

  async setWatermark(q: Queryable, name: string, countedTo: Date): Promise<void> {
    await q.query(`UPDATE rollup_watermark SET counted_to = $2, updated_at = now() WHERE name = $1`, [
      name,
      countedTo,
    ]);
  }

  /**
   * Up to `limit` on-topic posts not yet placed, of conversations whose opportunity was tagged in [from, to): the
   * public posts of a conversation the department's rules found an opportunity in (not retired), never the
   * department's own (marked by the tagger, or from one of its accounts on that platform), never deleted, never one
   * retention retired (its text is gone).
   */
  onTopicTaggedIn(q: Queryable, from: Date, to: Date, limit: number): Promise<OnTopicPost[]> {
    return q.query(
      `SELECT p.id::text, o.department_id AS "departmentId", concat_ws(' ', p.title, p.text) AS text, p.url,
         p.author_name AS "authorName", p.author_handle AS "authorHandle",
         ${HOUR_OF('coalesce(p.published_at, p.fetched_at)')} AS hour
       FROM opportunity o JOIN post p ON p.conversation_id = o.conversation_id
       WHERE o.tagged_at >= $1 AND o.tagged_at < $2 AND o.status <> 'retired' AND p.deleted_at IS NULL
         AND p.retired_at IS NULL
         AND p.by_department_id IS DISTINCT FROM o.department_id
         AND NOT EXISTS (SELECT 1 FROM department_account a WHERE a.department_id = o.department_id
           AND a.platform = p.platform AND lower(a.handle) IN (lower(p.author_handle), lower(p.author_name)))
         AND NOT EXISTS (SELECT 1 FROM post_theme pt WHERE pt.post_id = p.id AND pt.department_id = o.department_id)
       ORDER BY o.department_id, p.id LIMIT $3`,
      [from, to, limit],
    );
  }

  /** The department's newest posts that fit no theme yet, published since `since`: at most `limit`. */
  unthemed(q: Queryable, departmentId: string, since: Date, limit: number): Promise<UnthemedPost[]> {
    return q.query(
      `SELECT p.id::text, pt.department_id AS "departmentId", concat_ws(' ', p.title, p.text) AS text, p.url,
         p.author_name AS "authorName", p.author_handle AS "authorHandle", pt.hour, pt.keyphrases
       FROM post_theme pt JOIN post p ON p.id = pt.post_id
       WHERE pt.department_id = $1 AND pt.theme_id IS NULL AND pt.hour >= $2 AND p.retired_at IS NULL
       ORDER BY pt.hour DESC, pt.post_id DESC LIMIT $3`,
      [departmentId, since, limit],
    );
  }

  /** A department's themes in the order they were made (earlier themes win ties when a post is placed). */
  catalogue(q: Queryable, departmentId: string): Promise<CatalogueTheme[]> {
    return q.query(`SELECT id, key, label, keyphrases FROM theme WHERE department_id = $1 ORDER BY ordinal`, [
      departmentId,
    ]);
  }

  /** The names the department goes by, left out of its keyphrases. */
  async departmentNames(q: Queryable, departmentId: string): Promise<string[]> {
    const rows: { names: string[] }[] = await q.query(
      `SELECT ARRAY[name] || aliases AS names FROM department WHERE id = $1`,
      [departmentId],
    );
    return rows[0]?.names ?? [];
  }

  async addThemes(q: Queryable, departmentId: string, themes: NewThemeRow[]): Promise<void> {
    if (themes.length === 0) return;
    await q.query(
      `INSERT INTO theme (id, department_id, key, label, keyphrases, excerpt, excerpt_url)
       SELECT ${THEME_ID('$1::uuid', 't.key')}, $1::uuid, t.key, t.label, t.keyphrases, t.excerpt, t."excerptUrl"
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(theme, n),
         LATERAL jsonb_to_record(e.theme) AS t(key text, label text, keyphrases jsonb, excerpt text, "excerptUrl" text)
       ORDER BY e.n
       ON CONFLICT (department_id, key) DO NOTHING`,
      [departmentId, JSON.stringify(themes)],
    );
  }

  /**
   * Records where posts were placed. A post placed before keeps its theme (a theme's posts stay put); one that fitted
   * none takes the theme it fits now.
   */
  async place(q: Queryable, placements: PostPlacement[]): Promise<void> {
    if (placements.length === 0) return;
    await q.query(
      `INSERT INTO post_theme (post_id, department_id, theme_id, hour, keyphrases)
       SELECT p."postId", p."departmentId",
         CASE WHEN p."themeKey" IS NULL THEN NULL ELSE ${THEME_ID('p."departmentId"', 'p."themeKey"')} END,
         p.hour, p.keyphrases
       FROM jsonb_to_recordset($1::jsonb)
         AS p("postId" bigint, "departmentId" uuid, "themeKey" text, hour timestamptz, keyphrases jsonb)
       ON CONFLICT (post_id, department_id) DO UPDATE SET theme_id = EXCLUDED.theme_id, keyphrases = EXCLUDED.keyphrases
       WHERE post_theme.theme_id IS NULL`,
      [JSON.stringify(placements)],
    );
  }

  /**
   * Recounts whole hours of one department's roll-ups from its placed posts; call it in the placing transaction.
   * Posts of authors the department flagged stay placed but are not counted: `on_topic_*.excluded` says how many.
   */
  async recountHours(q: Queryable, departmentId: string, every: Date[]): Promise<void> {
    // Posts retention retired keep their places, and their hours their counts.
    const hours = await withoutRetiredHours(q, every);
    if (hours.length === 0) return;
    await q.query(`DELETE FROM theme_hour WHERE department_id = $1 AND hour = ANY($2::timestamptz[])`, [
      departmentId,
      hours,
    ]);
    await q.query(`DELETE FROM on_topic_hour WHERE department_id = $1 AND hour = ANY($2::timestamptz[])`, [
      departmentId,
      hours,
    ]);
    await q.query(
      `INSERT INTO theme_hour (department_id, hour, theme_id, mentions)
       SELECT pt.department_id, pt.hour, pt.theme_id, count(*) FROM post_theme pt JOIN post p ON p.id = pt.post_id
       WHERE pt.department_id = $1 AND pt.hour = ANY($2::timestamptz[]) AND pt.theme_id IS NOT NULL
         AND NOT ${FLAGGED_AUTHOR('p', '$1')}
       GROUP BY pt.department_id, pt.hour, pt.theme_id`,
      [departmentId, hours],
    );
    await q.query(
      `INSERT INTO on_topic_hour (department_id, hour, mentions, excluded)
       SELECT pt.department_id, pt.hour, count(*) FILTER (WHERE NOT ${FLAGGED_AUTHOR('p', '$1')}),
         count(*) FILTER (WHERE ${FLAGGED_AUTHOR('p', '$1')})
       FROM post_theme pt JOIN post p ON p.id = pt.post_id
       WHERE pt.department_id = $1 AND pt.hour = ANY($2::timestamptz[]) GROUP BY pt.department_id, pt.hour`,
      [departmentId, hours],
    );
    const days = [...new Set(hours.map((h) => dayOf(h).getTime()))].map((t) => new Date(t));
    for (const [table, themed] of [
      ['theme', true],
      ['on_topic', false],
    ] as const) {
      await q.query(`DELETE FROM ${table}_day WHERE department_id = $1 AND day = ANY($2::timestamptz[])`, [
        departmentId,
        days,
      ]);
      await q.query(
        `INSERT INTO ${table}_day (department_id, day${themed ? ', theme_id' : ''}, mentions${themed ? '' : ', excluded'})
         SELECT $1::uuid, d.day${themed ? ', h.theme_id' : ''}, sum(h.mentions)${themed ? '' : ', sum(h.excluded)'}
         FROM unnest($2::timestamptz[]) AS d(day)
         JOIN ${table}_hour h ON h.department_id = $1 AND h.hour >= d.day AND h.hour < d.day + interval '1 day'
         GROUP BY d.day${themed ? ', h.theme_id' : ''}`,
        [departmentId, days],
      );
    }
  }

  /** Every theme with mentions in [from, to), most mentioned first (the label breaks ties), from the roll-ups. */
  themesIn(q: Queryable, departmentId: string, from: Date, to: Date): Promise<ThemeMentions[]> {
    return q.query(THEMES_IN_SQL, windowParameters(departmentId, from, to));
  }

  /** Every department's roll-ups for these hours: what a recount (a flag or a name changed) asks for. */
  async recountHoursEverywhere(q: Queryable, hours: Date[]): Promise<void> {
    if (hours.length === 0) return;
    const departments: { id: string }[] = await q.query(`SELECT id FROM department ORDER BY id`);
    for (const { id } of departments) await this.recountHours(q, id, hours);
  }

  /** On-topic mentions in [from, to) (every share's denominator), and the flagged authors' posts left out. */
  async onTopicIn(q: Queryable, departmentId: string, from: Date, to: Date): Promise<OnTopicTotals> {
    const rows: OnTopicTotals[] = await q.query(ON_TOPIC_SQL, windowParameters(departmentId, from, to));
    return rows[0];
  }

  /** Mentions by theme id and hour in [from, to), for a series; hours without mentions are absent. */
  hourly(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<{ hour: Date; themeId: string; mentions: number }[]> {
    return q.query(
      `SELECT hour, theme_id AS "themeId", mentions FROM theme_hour
       WHERE department_id = $1 AND hour >= $2 AND hour < $3 ORDER BY hour, theme_id`,
      [departmentId, from, to],
    );
  }

  /** On-topic mentions by hour in [from, to); hours without any are absent. */
  onTopicHourly(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<{ hour: Date; mentions: number }[]> {
    return q.query(
      `SELECT hour, mentions FROM on_topic_hour
       WHERE department_id = $1 AND hour >= $2 AND hour < $3 AND mentions > 0 ORDER BY hour`,
      [departmentId, from, to],
    );
  }
}

const DAY_MS = 86_400_000;
const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/**
 * [from, to) as the whole UTC days inside it, read from the day roll-up, and the hours before and after them, read
 * from the hour roll-up: $4 is the first midnight at or after `from`, $5 the last at or before `to`. A window inside
 * one day has $4 > $5, so no day is read and its hours are read once (the head ends at `to`, the tail starts at $4).
 */
export const windowParameters = (departmentId: string, from: Date, to: Date) => {
  const firstDay = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
  return [departmentId, from, to, firstDay, dayOf(to)];
};

const WINDOW_OF = (table: 'theme' | 'on_topic', columns: string) => `
  SELECT ${columns} FROM ${table}_day WHERE department_id = $1 AND day >= $4 AND day < $5
  UNION ALL
  SELECT ${columns} FROM ${table}_hour WHERE department_id = $1 AND hour >= $2 AND hour < least($3, $4)
  UNION ALL
  SELECT ${columns} FROM ${table}_hour WHERE department_id = $1 AND hour >= greatest($2, $4, $5) AND hour < $3`;

/** Exported so a test can read its plans: the roll-ups' primary keys, never a post. */
export const THEMES_IN_SQL = `
  SELECT t.id, t.label, t.keyphrases, t.excerpt, t.excerpt_url AS "excerptUrl", h.mentions
  FROM (SELECT theme_id, sum(mentions)::int AS mentions FROM (${WINDOW_OF('theme', 'theme_id, mentions')}) w
        GROUP BY theme_id) h
  JOIN theme t ON t.id = h.theme_id
  ORDER BY h.mentions DESC, t.label, t.id`;
export const ON_TOPIC_SQL = `
  SELECT coalesce(sum(mentions), 0)::int AS mentions, coalesce(sum(excluded), 0)::int AS excluded
  FROM (${WINDOW_OF('on_topic', 'mentions, excluded')}) w`;
