import type { MetricsResponse, SeriesResponse, ThemesResponse } from '@parley/contracts';
import { DATA_SOURCE, ON_TOPIC_SQL, THEMES_IN_SQL, ThemeRepository, windowParameters } from '@parley/db';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RollUpThemesHandler } from '../../apps/worker/src/handlers/roll-up-themes.handler';
import { startApi, type Api } from './harness';

const EXAMS = [
  'Hi Sarah, how long do exam appeals take? Email me at jo.bloggs@gmail.com',
  'Exam appeals deadline is too short, ring me on 07700 900123',
  'My exam appeal was refused and exam appeals feel like a lottery',
];
const MEALS = [
  'Free school meals should cover the holidays',
  'Can my child get free school meals if I work part time?',
  'Free school meals application form is broken',
];
const STRIKE = ['Teacher strike dates announced', 'Is the teacher strike on Monday?'];
/** One word each, said once: on topic, but no theme. */
const ASIDES =
  'weather football gardening pizza bicycles umbrella violin kitten mountain harbour lantern orchard pebble quilt ribbon saddle tulip walnut yacht zebra almond biscuit'.split(
    ' ',
  );

const PREVIOUS = new Date('2026-11-08T00:00:00Z');
const CURRENT = new Date('2026-11-15T00:00:00Z');
const END = new Date('2026-11-22T00:00:00Z');
const HOUR = 3_600_000;

describe('themes: placing on-topic posts, the hourly roll-up and GET /api/themes', () => {
  let parley: Api;
  let handler: RollUpThemesHandler;
  let asides = 0;

  /** One conversation tagged for the department now, its posts published an hour apart from `from`. */
  const conversation = async (from: Date, texts: string[], own: string[] = []) => {
    const { rows } = await parley.db.query<{ id: string }>(
      `INSERT INTO conversation (source_id, root_external_id, tagged_version)
       SELECT id, gen_random_uuid()::text, 1 FROM source WHERE key = 'forum' RETURNING id::text`,
    );
    const id = rows[0].id;
    await parley.db.query(
      `INSERT INTO post (source_id, external_id, conversation_id, platform, text, published_at, author_name, by_department_id)
       SELECT s.id, $1 || '-' || n, $1::bigint, 'web', t, $2::timestamptz + (n - 1) * interval '1 hour', 'Jo Bloggs',
         CASE WHEN n > $4 THEN (SELECT id FROM department WHERE key = 'education') END
       FROM source s, unnest($3::text[]) WITH ORDINALITY AS p(t, n) WHERE s.key = 'forum'`,
      [id, from, [...texts, ...own], texts.length],
    );
    await parley.db.query(
      `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason)
       SELECT $1, id, 50, 'public-info', 'a question' FROM department WHERE key = 'education'`,
      [id],
    );
  };
  const times = (n: number, texts: string[]) => Array.from({ length: n }, (_, i) => texts[i % texts.length]);
  const aside = (n: number) => Array.from({ length: n }, () => `Ok ${ASIDES[asides++]}`);
  const themes = async (from: Date, to: Date) => {
    const res = await parley.admin.get<ThemesResponse>(
      `/api/themes?department=education&from=${from.toISOString()}&to=${to.toISOString()}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    parley = await startApi();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [{ key: 'education', name: 'Department for Education' }],
    });
    expect(applied.status).toBe(200);
    await parley.db.query(
      `INSERT INTO source (key, type, url, interval_ms, enabled) VALUES ('forum', 'feed', 'http://127.0.0.1:9/f.xml', 3600000, false)`,
    );
    handler = new RollUpThemesHandler(parley.api.get<DataSource>(DATA_SOURCE), new ThemeRepository());
  }, 120_000);

  afterAll(async () => {
    await parley?.close();
  });

  it('gives the shares and the change in points worked out by hand, and a theme keeps its id as the window moves', async () => {
    // The previous week, 25 on-topic posts: 5 about exam appeals, 10 about free school meals, 10 asides.
    await conversation(PREVIOUS, times(5, EXAMS), ['We publish exam appeals guidance on GOV.UK']);
    await conversation(new Date(PREVIOUS.getTime() + 10 * HOUR), times(10, MEALS));
    await conversation(new Date(PREVIOUS.getTime() + 30 * HOUR), aside(10));
    expect((await handler.handle()).themes).toBe(2);
    const before = await themes(PREVIOUS, CURRENT);
    const examsId = before.themes.find((t) => t.label === 'Exam appeals')!.id;

    // This week, 30: 12 exam appeals, 6 free school meals, 3 about a teacher strike (new), 9 asides; plus two of
    // the department's own posts, which are never on topic.
    await conversation(CURRENT, times(12, EXAMS), [
      'Exam appeals close on Friday',
      'Exam appeals: see our guide',
    ]);
    await conversation(new Date(CURRENT.getTime() + 20 * HOUR), times(6, MEALS));
    await conversation(new Date(CURRENT.getTime() + 30 * HOUR), times(3, STRIKE));
    await conversation(new Date(CURRENT.getTime() + 40 * HOUR), aside(9));
    await handler.handle();

    const now = await themes(CURRENT, END);
    expect(now.onTopic).toBe(30);
    expect(now.compare).toEqual({ from: PREVIOUS.toISOString(), to: CURRENT.toISOString() });
    // exam appeals 12 ÷ 30 = 40%, before 5 ÷ 25 = 20%: +20 points. Meals 6 ÷ 30 = 20%, before 10 ÷ 25 = 40%:
    // −20 points. Teacher strike 3 ÷ 30 = 10%, before 0 ÷ 25 = 0%: +10 points.
    expect(
      now.themes.map((t) => [t.label, t.mentions, t.share, t.previousShare, t.change, t.smallSample]),
    ).toEqual([
      ['Exam appeals', 12, 40, 20, 20, false],
      ['Free school meals', 6, 20, 40, -20, false],
      ['Teacher strike', 3, 10, 0, 10, false],
    ]);
    expect(now.themes[0].id).toBe(examsId);
    expect(now.method).toMatch(/listening rules/);

    // Part-days read from the hour roll-up, whole days from the day roll-up, each hour once. From 06:00 on the
    // 15th: exam appeals' posts at 06:00–11:00 are 6, the rest as before, 6 + 6 + 3 + 9 = 24 on topic. Inside one
    // day, 03:00–05:00 on the 15th: the exam posts at 03:00 and 04:00.
    const partDays = await themes(new Date(CURRENT.getTime() + 6 * HOUR), END);
    expect([partDays.onTopic, partDays.themes.map((t) => [t.label, t.mentions])]).toEqual([
      24,
      // A tie on 6: the larger previous share (meals, 40%) comes first.
      [
        ['Free school meals', 6],
        ['Exam appeals', 6],
        ['Teacher strike', 3],
      ],
    ]);
    const hours = await themes(
      new Date(CURRENT.getTime() + 3 * HOUR),
      new Date(CURRENT.getTime() + 5 * HOUR),
    );
    expect([hours.onTopic, hours.themes.map((t) => [t.label, t.mentions])]).toEqual([
      2,
      [['Exam appeals', 2]],
    ]);

    const excerpt = now.themes[0].excerpt!.text;
    expect(excerpt).toMatch(/exam appeal/i);
    expect(excerpt).not.toMatch(/Sarah|gmail|07700|Jo Bloggs|Bloggs/);
    expect(excerpt).not.toMatch(/GOV\.UK|guide|Friday/);
    expect(excerpt.length).toBeLessThanOrEqual(240);
  }, 120_000);

  it('counts each post once however often the job runs, even from a watermark moved back', async () => {
    const counts = async () =>
      (
        await parley.db.query(
          `SELECT (SELECT count(*) FROM post_theme)::int AS placed, (SELECT sum(mentions) FROM on_topic_hour)::int AS on_topic,
             (SELECT sum(mentions) FROM theme_hour)::int AS themed, (SELECT count(*) FROM theme)::int AS themes`,
        )
      ).rows[0];
    // Placed: 25 + 30 = 55 posts; in themes 5 + 10 + 12 + 6 + 3 = 36; three themes.
    expect(await counts()).toEqual({ placed: 55, on_topic: 55, themed: 36, themes: 3 });
    await Promise.all([handler.handle(), handler.handle()]);
    await parley.db.query(`UPDATE rollup_watermark SET counted_to = '2000-01-01' WHERE name = 'themes'`);
    await handler.handle();
    expect(await counts()).toEqual({ placed: 55, on_topic: 55, themed: 36, themes: 3 });
  }, 120_000);

  it('answers from the roll-ups: the plans read the day and hour roll-ups and the catalogue, never a post', async () => {
    const relations = async (sql: string) => {
      // A window with a whole day and part-days either side, so every branch of the query is planned.
      const { rows } = await parley.db.query(
        `EXPLAIN (FORMAT JSON) ${sql}`,
        windowParameters(
          '00000000-0000-0000-0000-000000000000',
          new Date('2026-11-15T06:00:00Z'),
          new Date('2026-11-17T06:00:00Z'),
        ),
      );
      const found = new Set<string>();
      const walk = (node: Record<string, unknown>) => {
        if (typeof node['Relation Name'] === 'string') found.add(node['Relation Name']);
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      walk((rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0].Plan);
      return [...found].sort();
    };
    expect(await relations(THEMES_IN_SQL)).toEqual(['theme', 'theme_day', 'theme_hour']);
    expect(await relations(ON_TOPIC_SQL)).toEqual(['on_topic_day', 'on_topic_hour']);
  });

  it('answers theme_share in the metrics spine: the top theme’s share, every theme in its detail, and a series by theme', async () => {
    const range = `department=education&from=${CURRENT.toISOString()}&to=${END.toISOString()}`;
    const { body } = await parley.admin.get<MetricsResponse>(`/api/metrics?${range}`);
    const metric = body.metrics.theme_share;
    // Top theme now: exam appeals 12 of 30 = 40%; the week before its top was meals, 10 of 25 = 40%: 0 points.
    expect([
      metric.value,
      metric.numerator,
      metric.denominator,
      metric.n,
      metric.previous,
      metric.change,
    ]).toEqual([40, 12, 30, 30, 40, 0]);
    const detail = metric.detail as { themes: { label: string; share: number; change: number }[] };
    expect(detail.themes.map((t) => [t.label, t.share, t.change])).toEqual([
      ['Exam appeals', 40, 20],
      ['Free school meals', 20, -20],
      ['Teacher strike', 10, 10],
    ]);
    const series = await parley.admin.get<SeriesResponse>(
      `/api/metrics/theme_share/series?${range}&bucket=week`,
    );
    expect(series.status).toBe(200);
    // London weeks begin on Monday (GMT in November): Sunday 15th is in the week of Monday 9th. Exam appeals'
    // 12 posts (15th 00:00–11:00) and meals' first 4 (15th 20:00–23:00) fall there: 12 of 16 = 75%. Meals' last 2
    // (16th 00:00–01:00), the strike's 3 and the 9 asides fall in the week of the 16th: top is the strike, 3 of 14.
    expect(
      series.body.points.map((p) => [
        p.at,
        p.value,
        p.numerator,
        p.denominator,
        Object.values(p.breakdown ?? {}).sort((a, b) => b - a),
      ]),
    ).toEqual([
      ['2026-11-09T00:00:00.000Z', 75, 12, 16, [12, 4]],
      ['2026-11-16T00:00:00.000Z', (3 / 14) * 100, 3, 14, [3, 2]],
    ]);
  });

  it('gives null shares, never 0, for a period with no on-topic posts', async () => {
    const empty = await themes(new Date('2025-01-01T00:00:00Z'), new Date('2025-01-08T00:00:00Z'));
    expect([empty.onTopic, empty.themes]).toEqual([0, []]);
  });
});
