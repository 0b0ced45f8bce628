import { englandAndWalesBankHolidays } from '@parley/config';
import type { AlertExplanation, AlertMeasure, AlertSeries } from '@parley/contracts';
import {
  AlertDetectionRepository,
  DATA_SOURCE,
  MentionRollupRepository,
  SentimentRepository,
  ThemeRepository,
} from '@parley/db';
import { hourOf } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvaluateAlertsHandler } from '../../apps/worker/src/handlers/evaluate-alerts.handler';
import { RollUpMentionsHandler } from '../../apps/worker/src/handlers/roll-up-mentions.handler';
import { RollUpSentimentHandler } from '../../apps/worker/src/handlers/roll-up-sentiment.handler';
import { RollUpThemesHandler } from '../../apps/worker/src/handlers/roll-up-themes.handler';
import { AlertEvaluator } from '../../apps/worker/src/services/alert-evaluator.service';
import { startApi, type Api } from './harness';

const HOUR = 3_600_000;
/** The recorded fortnight: a week of history for the baselines, then the week the detectors are replayed over. */
const HISTORY = new Date('2026-11-08T00:00:00Z');
const REPLAY = new Date('2026-11-16T00:00:00Z');
const REPLAY_END = new Date('2026-11-23T00:00:00Z');
/** Ordinary traffic runs on into Monday morning, where the live (incremental) run is planted. */
const TRAFFIC_END = new Date('2026-11-23T11:00:00Z');
const at = (iso: string) => new Date(iso).getTime();
const within = (h: number, from: string, to: string) => h >= at(from) && h < at(to);

type Post = {
  source: 'forum' | 'toots';
  text: string;
  at: Date;
  author: string;
  followers?: number;
  replies?: number;
  /** Set for on-topic posts: the conversation tagged for the water regulator's "Water bills" rule. */
  conversation?: string;
};

const isRest = (h: number) => [0, 6].includes(new Date(h).getUTCDay());
/** Steady traffic: `working` posts an hour on working days, `rest` at weekends, ±noise in a three-hour cycle. */
const steady = (h: number, working: number, rest: number, noise: number) =>
  (isRest(h) ? rest : working) + [-noise, 0, noise][(h / HOUR) % 3];

const WATER = [
  'Reading the latest from the Water Regulation Office about supply',
  'Water Regulation Office update on pipes in my street',
];
const BILLS = ['My water bills came through this morning', 'Water bills for the quarter are out'];
const FOOD = [
  'Food Standards Office guidance on labels',
  'Good to see the Food Standards Office checking kitchens',
];
const TESCO = 'Bought lunch at Tesco, Food Standards Office labels look clear';

const PLANTED = {
  reservoir: 'Reservoir levels at Water Regulation Office sites today #HosepipeBan',
  priceReview: 'Price review of water bills announced',
  drought: 'Drought surcharge added to water bills #DroughtSurcharge',
  boycott: 'Boycott Tesco: complicit in Food Standards Office rationing, shame on them #BoycottTesco',
  sewage: 'Sewage spill reported near the Water Regulation Office outfall #SewageSpill',
  recall: 'Great work from the Food Standards Office on the frozen peas recall',
};

/**
 * The fortnight as planted. Ordinary traffic for two departments and a rule, quieter at weekends, with: a quiet night
 * and a weekend dip (nothing to raise); a spike in the water regulator's mentions (Wednesday); a rise in its "Water
 * bills" rule inside an expected announcement, below the higher bar (Thursday) and one above it (Friday); and a
 * campaign against Tesco, a delivery partner of the food regulator (Saturday), which also turns its sentiment.
 */
const fortnight = (): Post[] => {
  const posts: Post[] = [];
  for (let h = HISTORY.getTime(); h < TRAFFIC_END.getTime(); h += HOUR) {
    const hour = new Date(h);
    const quiet =
      within(h, '2026-11-17T01:00Z', '2026-11-17T07:00Z') ||
      within(h, '2026-11-22T02:00Z', '2026-11-22T09:00Z');
    const water = quiet ? 0 : steady(h, 10, 4, 2);
    for (let i = 0; i < water; i++)
      posts.push({
        source: 'forum',
        text: WATER[i % 2],
        at: new Date(h + i * 60_000),
        author: `resident${(h / HOUR + i) % 60}`,
      });
    const bills = within(h, '2026-11-19T09:00Z', '2026-11-19T12:00Z')
      ? 11
      : within(h, '2026-11-20T09:00Z', '2026-11-20T12:00Z')
        ? 26
        : steady(h, 6, 2, 2);
    const special = within(h, '2026-11-19T09:00Z', '2026-11-20T00:00Z')
      ? PLANTED.priceReview
      : within(h, '2026-11-20T09:00Z', '2026-11-20T12:00Z')
        ? PLANTED.drought
        : null;
    for (let i = 0; i < bills; i++)
      posts.push({
        source: 'forum',
        text: special && i >= steady(h, 6, 2, 2) ? special : BILLS[i % 2],
        at: new Date(h + i * 60_000 + 30_000),
        author: `payer${(h / HOUR + i) % 40}`,
        conversation: `bills-${hour.toISOString()}`,
      });
    const food = steady(h, 8, 3, 2);
    const tesco = [0, 1, 2][(h / HOUR + 1) % 3];
    for (let i = 0; i < food; i++)
      posts.push({
        source: i % 2 ? 'toots' : 'forum',
        text: i < tesco ? TESCO : FOOD[i % 2],
        at: new Date(h + i * 60_000 + 15_000),
        author: `diner${(h / HOUR + i) % 50}`,
      });
  }
  const burst = (
    text: string,
    from: string,
    hours: number,
    perHour: number,
    who: string,
    source: Post['source'],
  ) => {
    for (let n = 0; n < hours * perHour; n++)
      posts.push({
        source: n % 3 ? source : 'toots',
        text,
        at: new Date(at(from) + Math.floor(n / perHour) * HOUR + (n % perHour) * 60_000 + 45_000),
        author: `${who}${n}`,
        followers: 5_000,
        replies: n % perHour === 7 ? 40 : 0,
      });
  };
  burst(PLANTED.reservoir, '2026-11-18T10:00Z', 2, 30, 'newcomer', 'forum');
  burst(PLANTED.boycott, '2026-11-21T14:00Z', 2, 40, 'activist', 'forum');
  return posts;
};

type StoredAlert = {
  kind: string;
  scopeType: string;
  label: string;
  department: string;
  startedAt: Date;
  status: string;
  severity: number;
  deliveredAt: Date | null;
  measure: AlertMeasure;
  explanation: AlertExplanation;
  series: AlertSeries;
};

describe('alert detection: a recorded fortnight with planted rises, replayed hour by hour', () => {
  let parley: Api;
  let dataSource: DataSource;
  let evaluator: AlertEvaluator;
  let detectors: EvaluateAlertsHandler;
  let rollUps: () => Promise<void>;

  const insertPosts = async (posts: Post[]) => {
    const roots = [...new Set(posts.map((p) => p.conversation).filter((c): c is string => !!c))];
    await parley.db.query(
      `INSERT INTO conversation (source_id, root_external_id, tagged_version)
       SELECT s.id, r, 1 FROM source s, unnest($1::text[]) AS r WHERE s.key = 'forum'`,
      [roots],
    );
    await parley.db.query(
      `INSERT INTO post (source_id, external_id, conversation_id, platform, text, published_at, author_handle,
         author_followers, reply_count, repost_count)
       SELECT s.id, gen_random_uuid()::text, c.id, CASE s.key WHEN 'toots' THEN 'mastodon' ELSE 'web' END, x.text, x.at,
         x.author, x.followers, x.replies, 0
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::int[], $6::int[], $7::text[])
         AS x(source, text, at, author, followers, replies, root)
       JOIN source s ON s.key = x.source
       LEFT JOIN conversation c ON c.root_external_id = x.root`,
      [
        posts.map((p) => p.source),
        posts.map((p) => p.text),
        posts.map((p) => p.at),
        posts.map((p) => p.author),
        posts.map((p) => p.followers ?? 100),
        posts.map((p) => p.replies ?? 0),
        posts.map((p) => p.conversation ?? null),
      ],
    );
    // As the tagger leaves them: an opportunity for the water regulator resting on its "Water bills" rule.
    await parley.db.query(
      `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, rules)
       SELECT c.id, d.id, 50, 'public-info', 'a question', '[{"key": "bills", "version": 1}]'
       FROM conversation c JOIN department d ON d.key = 'water' WHERE c.root_external_id = ANY($1::text[])`,
      [roots],
    );
  };

  const stored = async (): Promise<StoredAlert[]> => {
    const { rows } = await parley.db.query<StoredAlert>(
      `SELECT a.kind, a.scope_type AS "scopeType", a.scope_label AS label, d.key AS department,
         a.started_at AS "startedAt", a.status, a.severity, a.delivered_at AS "deliveredAt", a.measure, a.explanation,
         a.series
       FROM alert a JOIN department d ON d.id = a.department_id ORDER BY a.started_at, a.kind, a.scope_label`,
    );
    return rows;
  };

  beforeAll(async () => {
    parley = await startApi();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'water',
          name: 'Water Regulation Office',
          rules: [{ key: 'bills', name: 'Water bills', query: '"water bills"' }],
        },
        { key: 'food', name: 'Food Standards Office' },
      ],
    });
    expect(applied.status).toBe(200);
    await parley.db.query(
      `INSERT INTO source (key, name, type, url, interval_ms, enabled) VALUES
         ('forum', 'Community forum', 'feed', 'http://127.0.0.1:9/f.xml', 3600000, false),
         ('toots', 'Mastodon (UK)', 'mastodon', 'http://127.0.0.1:9/m', 3600000, false)`,
    );
    // What the alerts helper writes from the workspace document: the calendar and the partners.
    await parley.db.query(
      `INSERT INTO expected_event (department_id, name, kind, starts_at, ends_at)
       SELECT id, e.name, 'announcement', e.starts_at, e.ends_at FROM department,
         (VALUES ('Price review announcement', timestamptz '2026-11-19T09:00Z', timestamptz '2026-11-19T12:00Z'),
                 ('Drought statistics', timestamptz '2026-11-20T09:00Z', timestamptz '2026-11-20T12:00Z')) AS e(name, starts_at, ends_at)
       WHERE key = 'water'`,
    );
    await parley.db.query(
      `INSERT INTO delivery_partner (department_id, name, aliases, handles)
       SELECT id, 'Tesco', '{Tesco Stores}', '{@Tesco}' FROM department WHERE key = 'food'`,
    );
    dataSource = parley.api.get<DataSource>(DATA_SOURCE);
    const rollup = new MentionRollupRepository();
    const sentiment = new SentimentRepository();
    const themes = new ThemeRepository();
    const mentions = new RollUpMentionsHandler(dataSource, rollup, sentiment, themes);
    const classified = new RollUpSentimentHandler(dataSource, rollup, sentiment);
    const placed = new RollUpThemesHandler(dataSource, themes);
    rollUps = async () => {
      await mentions.handle();
      await classified.handle();
      await placed.handle();
    };
    const alerts = new AlertDetectionRepository();
    evaluator = new AlertEvaluator(alerts, sentiment, englandAndWalesBankHolidays());
    detectors = new EvaluateAlertsHandler(dataSource, alerts, evaluator);

    await insertPosts(fortnight());
    await rollUps();
    // The detectors' own roll-up catches up with everything fetched; as of the real clock nothing recent moved.
    expect((await detectors.handle()).detectors).toBe(0);
    // Replayed as the detectors would have run through the week: each hour judged at its end.
    const scopes = await alerts.allScopes(dataSource);
    for (let h = REPLAY.getTime(); h < REPLAY_END.getTime(); h += HOUR) {
      const outcome = await evaluator.evaluate(dataSource, scopes, new Date(h + HOUR - 1));
      expect(outcome.detectors).toBe(scopes.length + 2);
    }
  }, 600_000);

  afterAll(async () => {
    await parley?.close();
  });

  it('raises exactly the planted alerts, each when its rise crossed the bar', async () => {
    const alerts = await stored();
    const plan = [
      ['water', 'spike', 'department', 'Water Regulation Office', '2026-11-18T10:00Z'],
      ['water', 'spike', 'rule', 'Water bills', '2026-11-20T09:00Z'],
      ['food', 'partner', 'partner', 'Tesco', '2026-11-21T14:00Z'],
      ['food', 'sentiment', 'department', 'Food Standards Office', '2026-11-21T14:00Z'],
      ['food', 'spike', 'department', 'Food Standards Office', '2026-11-21T15:00Z'],
    ];
    expect(alerts.map((a) => [a.department, a.kind, a.scopeType, a.label, hourOf(a.startedAt)])).toEqual(
      plan.map(([d, k, s, l, t]) => [d, k, s, l, new Date(t)]),
    );
    // Precision and recall over the plan are both 1: nothing on the quiet night, the weekend dip, Monday's return to
    // work, or Thursday's announcement below the higher bar.
    for (const a of alerts) {
      expect(a.status).toBe('open');
      expect(a.deliveredAt).toBeNull();
      expect(a.severity).toBeGreaterThanOrEqual(1);
      expect(a.severity).toBeLessThanOrEqual(5);
    }
  });

  it('explains each alert with the planted terms, sources and evidence', async () => {
    const [reservoir, drought, campaign, turn, food] = await stored();
    expect(reservoir.explanation.terms.map((t) => t.term)).toContain('reservoir levels');
    expect(reservoir.explanation.hashtags).toContainEqual({ tag: '#hosepipeban', count: 30 });
    expect(reservoir.measure).toMatchObject({ window: 'hour', unit: 'mentions per hour' });
    // Thirty planted on top of the usual ten or so.
    expect(reservoir.measure.observed).toBeGreaterThanOrEqual(38);
    expect(reservoir.measure.observed).toBeGreaterThan(reservoir.measure.threshold);
    expect(reservoir.explanation.newParticipantsShare).toBeGreaterThan(0.6);
    expect(reservoir.explanation.sources.map((s) => s.platform).sort()).toEqual(['mastodon', 'web']);
    expect(reservoir.explanation.posts[0]).toMatchObject({ replies: 40 });
    expect(reservoir.explanation.summary).toMatch(
      /^Mentions of Water Regulation Office reached \d+ an hour in the last hour/,
    );
    expect(reservoir.series.points).toHaveLength(168);

    expect(drought.explanation.terms.map((t) => t.term)).toContain('drought surcharge');
    expect(drought.explanation.expectedEvent).toMatchObject({
      name: 'Drought statistics',
      kind: 'announcement',
    });
    expect(drought.explanation.summary).toContain('expected event “Drought statistics”');

    expect(campaign.explanation.partners).toEqual(['Tesco']);
    expect(campaign.explanation.terms.map((t) => t.term)).toContain('boycott Tesco');
    expect(campaign.explanation.hashtags.map((t) => t.tag)).toContain('#boycotttesco');
    expect(food.explanation.partners).toEqual(['Tesco']);

    expect(turn.measure.unit).toBe('net sentiment points');
    expect(turn.measure.observed).toBeLessThan(turn.measure.threshold);
    // Nobody labelled a post yet: the accuracy is stated as not measured.
    expect(turn.explanation.classifierAccuracy).toBeNull();
    expect(turn.explanation.summary).toContain('has not been measured');
  });

  it('raises nothing for a rise inside an expected event below the higher bar, though it would outside one', async () => {
    const scopes = await new AlertDetectionRepository().allScopes(dataSource);
    const thursday = new Date('2026-11-19T09:59:59Z');
    // Judged again without the event, in a transaction rolled back: the same hour would have raised the rule.
    const counterfactual = await dataSource
      .transaction(async (tx) => {
        await tx.query(`DELETE FROM expected_event WHERE name = 'Price review announcement'`);
        await tx.query(`DELETE FROM alert`);
        const outcome = await evaluator.evaluate(tx, scopes, thursday);
        throw Object.assign(new Error('rolled back'), { raised: outcome.raised });
      })
      .catch((error: { raised: number }) => error.raised);
    expect(counterfactual).toBe(1);
    expect((await evaluator.evaluate(dataSource, scopes, thursday)).raised).toBe(0);
  });

  it('judges a live hour incrementally, honouring muted sources and snoozed alerts', async () => {
    await parley.db.query(`UPDATE alert SET status = 'closed', closed_at = now(), outcome = 'seen'`);
    // The food regulator muted the Mastodon source: its burst there counts for nothing.
    await parley.db.query(
      `INSERT INTO alert_mute (department_id, target_type, target_id, until, reason)
       SELECT d.id, 'source', s.id, '2026-12-31T00:00Z', 'a bot network' FROM department d, source s
       WHERE d.key = 'food' AND s.key = 'toots'`,
    );
    const live = (text: string, source: Post['source'], n: number, minute: number): Post[] =>
      Array.from({ length: n }, (_, i) => ({
        source,
        text,
        at: new Date(at('2026-11-23T10:00Z') + minute * 60_000 + i * 1_000),
        author: `live${minute}-${i}`,
      }));
    await insertPosts([...live(PLANTED.sewage, 'forum', 30, 20), ...live(PLANTED.recall, 'toots', 40, 20)]);
    await rollUps();
    expect(await detectors.handle(new Date('2026-11-23T10:30:00Z'))).toMatchObject({ raised: 1 });
    const [sewage] = (await stored()).filter((a) => a.status !== 'closed');
    expect(sewage).toMatchObject({ department: 'water', kind: 'spike', label: 'Water Regulation Office' });
    expect(sewage.explanation.terms.map((t) => t.term)).toContain('sewage spill');

    // Snoozed by someone: it stays snoozed while the rise goes on, and its numbers follow the rise.
    await parley.db.query(
      `UPDATE alert SET status = 'snoozed', snoozed_until = '2026-11-23T12:00Z' WHERE status = 'open'`,
    );
    await insertPosts(live(PLANTED.sewage, 'forum', 20, 40));
    await rollUps();
    expect(await detectors.handle(new Date('2026-11-23T10:50:00Z'))).toMatchObject({ raised: 0, updated: 1 });
    const [snoozed] = (await stored()).filter((a) => a.status !== 'closed');
    expect(snoozed.status).toBe('snoozed');
    expect(snoozed.measure.observed).toBe(sewage.measure.observed + 20);
  });
});
