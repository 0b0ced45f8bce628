import { redactExcerpt } from '../propriety';
import type { ExpectedEvent } from './calendar';
import type { Judgement } from './rise';

/** A term as the keyphrase extractor gives it: `key` compares posts ("appeals" = "appeal"), `text` is for people. */
export type Term = { key: string; text: string };
export type EvidencePost = {
  id: string;
  conversationId: string;
  url: string | null;
  /** The author's name as shown, and the key one person is counted once by. */
  author: string | null;
  sourceName: string;
  platform: string;
  text: string;
  publishedAt: Date;
  replies: number;
  shares: number;
  terms: Term[];
};
/** A baseline post, only as far as comparing terms and hashtags needs. */
export type BaselinePost = { text: string; terms: Term[] };
export type AlertKindName = 'spike' | 'partner' | 'sentiment';

export type ExplanationInput = {
  kind: AlertKindName;
  /** "Department for Education", "the rule Exam appeals", "the theme Free school meals", "Tesco". */
  subject: string;
  judgement: Judgement;
  window: readonly EvidencePost[];
  baseline: readonly BaselinePost[];
  /** Share (0–1) of the window's authors with no post in the baseline; null when the window had no authors. */
  newParticipantsShare: number | null;
  partners: readonly string[];
  classifierAccuracy: number | null;
};

export type Explanation = {
  summary: string;
  terms: { term: string; count: number; baselineCount: number }[];
  hashtags: { tag: string; count: number }[];
  sources: { name: string; platform: string; posts: number }[];
  posts: {
    id: string;
    conversationId: string;
    url: string | null;
    author: string | null;
    excerpt: string;
    publishedAt: string;
    replies: number;
    shares: number;
  }[];
  newParticipantsShare: number | null;
  partners: string[];
  expectedEvent: { name: string; kind: string; from: string; to: string } | null;
  classifierAccuracy: number | null;
};

const TOP_TERMS = 8;
const TOP_HASHTAGS = 5;
const TOP_SOURCES = 5;
const TOP_POSTS = 5;
const EXCERPT_LENGTH = 240;
/** A term must be in at least this many window posts, and this share of them, to explain anything. */
const MIN_TERM_POSTS = 2;
const MIN_TERM_SHARE = 0.05;
/** …and at least twice as common in the window as in the baseline (log2 ratio ≥ 1). */
const MIN_LIFT = 1;

const HASHTAG = /(?<![\p{L}\p{N}_/])#[\p{L}\p{N}_]+/gu;
export const hashtagsOf = (text: string): string[] => [
  ...new Set((text.match(HASHTAG) ?? []).map((t) => t.toLowerCase())),
];

type Counted = { key: string; shown: string; count: number; baselineCount: number };

/**
 * The keys most over-represented in the window against the baseline, by the posts that contain them (a post that
 * says a word ten times counts once): a smoothed log ratio of the two shares, weighted by how many window posts carry
 * the key, so a word in half the window beats one in three posts that was never seen before.
 */
const overRepresented = (
  window: readonly { keys: Map<string, string> }[],
  baseline: readonly { keys: Map<string, string> }[],
  limit: number,
): Counted[] => {
  const inWindow = new Map<string, { shown: string; count: number }>();
  for (const post of window)
    for (const [key, shown] of post.keys) {
      const entry = inWindow.get(key) ?? { shown, count: 0 };
      entry.count++;
      inWindow.set(key, entry);
    }
  const inBaseline = new Map<string, number>();
  for (const post of baseline)
    for (const key of post.keys.keys()) inBaseline.set(key, (inBaseline.get(key) ?? 0) + 1);
  const minimum = Math.max(MIN_TERM_POSTS, Math.ceil(window.length * MIN_TERM_SHARE));
  return [...inWindow]
    .map(([key, { shown, count }]) => {
      const baselineCount = inBaseline.get(key) ?? 0;
      const lift =
        Math.log2((count + 0.5) / (window.length + 1)) -
        Math.log2((baselineCount + 0.5) / (baseline.length + 1));
      return { key, shown, count, baselineCount, lift };
    })
    .filter((t) => t.count >= minimum && t.lift >= MIN_LIFT)
    .sort(
      (a, b) =>
        b.count * b.lift - a.count * a.lift || words(b.key) - words(a.key) || a.key.localeCompare(b.key),
    )
    .reduce<Counted[]>((kept, t) => {
      // "reservoir levels" in 30 posts says all that "reservoir" and "levels" in the same 30 would.
      const said = kept.some(
        (k) => words(k.key) > 1 && k.key.split(' ').includes(t.key) && k.count >= t.count,
      );
      if (kept.length < limit && !said)
        kept.push({ key: t.key, shown: t.shown, count: t.count, baselineCount: t.baselineCount });
      return kept;
    }, []);
};

const words = (key: string) => key.split(' ').length;

const termKeys = (terms: readonly Term[]) => new Map(terms.map((t) => [t.key, t.text]));
const tagKeys = (text: string) => new Map(hashtagsOf(text).map((t) => [t, t]));

const sourcesOf = (posts: readonly EvidencePost[]): Explanation['sources'] => {
  const counts = new Map<string, { name: string; platform: string; posts: number }>();
  for (const p of posts) {
    const key = `${p.platform} ${p.sourceName}`;
    const entry = counts.get(key) ?? { name: p.sourceName, platform: p.platform, posts: 0 };
    entry.posts++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.posts - a.posts || a.name.localeCompare(b.name))
    .slice(0, TOP_SOURCES);
};

/** The most replied-to and shared posts, newest first among equals, with personal data taken out of the excerpt. */
const postsOf = (posts: readonly EvidencePost[]): Explanation['posts'] =>
  [...posts]
    .sort(
      (a, b) =>
        b.replies + b.shares - (a.replies + a.shares) || b.publishedAt.getTime() - a.publishedAt.getTime(),
    )
    .slice(0, TOP_POSTS)
    .map((p) => ({
      id: p.id,
      conversationId: p.conversationId,
      url: p.url,
      author: p.author,
      excerpt: redactExcerpt(p.text, { names: p.author ? [p.author] : [], maxLength: EXCERPT_LENGTH }),
      publishedAt: p.publishedAt.toISOString(),
      replies: p.replies,
      shares: p.shares,
    }));

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const SIGNED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const n = (value: number) => NUMBER.format(value);
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const PERIOD = { day: 'over the last 24 hours', hour: 'in the last hour' } as const;
const BASELINE = { day: 'the 7 days before', hour: 'the 12 hours before' } as const;

/** One or two plain sentences: what rose (or fell), by how much, from where, and whether it was expected. */
export const alertSummary = (
  input: Omit<ExplanationInput, 'baseline'>,
  sources: Explanation['sources'],
): string => {
  const { kind, subject, judgement: j } = input;
  const where = new Set(sources.map((s) => s.platform)).size;
  const from = sources.length
    ? ` It comes from ${plural(sources.length, 'source')} on ${plural(where, 'platform')}, most from ${sources[0].name}.`
    : '';
  const expected = j.expectedEvent
    ? ` This falls in the expected event “${j.expectedEvent.name}”, so the bar was higher than usual.`
    : '';
  if (kind === 'sentiment') {
    const accuracy =
      input.classifierAccuracy === null
        ? ' The classifier’s accuracy has not been measured on this department’s labelled posts yet, so treat it as indicative.'
        : ` The classifier agreed with people on ${Math.round(input.classifierAccuracy * 100)}% of the posts they labelled.`;
    return (
      `Net sentiment about ${subject} fell to ${SIGNED.format(j.observed)} ${PERIOD[j.window]} (${plural(j.n, 'post')}), ` +
      `from ${SIGNED.format(j.expected)} in ${BASELINE[j.window]}: ${n(j.spread)} points, more than the ` +
      `${n(j.expected - j.threshold)} allowed.${from}${expected}${accuracy}`
    );
  }
  const what = kind === 'partner' ? `Posts naming ${subject}` : `Mentions of ${subject}`;
  const campaign = kind === 'partner' ? ', most of the rise with boycott or protest language,' : '';
  const times = j.expected > 0 ? ` (${n(j.observed / j.expected)} times the usual)` : '';
  return (
    `${what}${campaign} reached ${n(j.observed)} an hour ${PERIOD[j.window]}${times}, against ${n(j.expected)} ` +
    `expected from ${BASELINE[j.window]} and a bar of ${n(j.threshold)} (${plural(j.n, 'post')}).${from}${expected}`
  );
};

const eventOf = (e: ExpectedEvent | null): Explanation['expectedEvent'] =>
  e ? { name: e.name, kind: e.kind, from: e.from.toISOString(), to: e.to.toISOString() } : null;

/**
 * Why an alert was raised, in words and evidence: the terms and hashtags the window uses far more than its baseline,
 * where the posts come from, the posts most replied to or shared, how many authors are new, the partners named and
 * the expected event it falls in.
 */
export const explainAlert = (input: ExplanationInput): Explanation => {
  const terms = overRepresented(
    input.window.map((p) => ({ keys: termKeys(p.terms) })),
    input.baseline.map((p) => ({ keys: termKeys(p.terms) })),
    TOP_TERMS,
  );
  const hashtags = overRepresented(
    input.window.map((p) => ({ keys: tagKeys(p.text) })),
    input.baseline.map((p) => ({ keys: tagKeys(p.text) })),
    TOP_HASHTAGS,
  );
  const sources = sourcesOf(input.window);
  return {
    summary: alertSummary(input, sources),
    terms: terms.map((t) => ({ term: t.shown, count: t.count, baselineCount: t.baselineCount })),
    hashtags: hashtags.map((t) => ({ tag: t.shown, count: t.count })),
    sources,
    posts: postsOf(input.window),
    newParticipantsShare: input.newParticipantsShare,
    partners: [...input.partners],
    expectedEvent: eventOf(input.judgement.expectedEvent),
    classifierAccuracy: input.classifierAccuracy,
  };
};
