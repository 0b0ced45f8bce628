import { DISPLAY_TIME_ZONE, median } from './conventions';
import { engagementRate, repliesByOthers, type OwnPostCounters } from './own-posts';

export type OwnPostOrder = 'best' | 'worst';

/** A post as the reasons read it: its counters, when it went out and its engagement rate (null without followers). */
export type RankedOwnPost = OwnPostCounters & { publishedAt: Date; rate: number | null };

/** What a post is compared with: the window's median rate, and its largest counters (for "most reposts"). */
export type OwnPostsContext = {
  medianRate: number | null;
  most: { likes: number; reposts: number; replies: number };
};

const COUNT = new Intl.NumberFormat('en-GB');
const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'long',
});

/** People read "3.2×" and "0.4×"; beyond 10 a decimal adds nothing, and below 0.1 it rounds to a misleading 0. */
export const formatTimes = (times: number): string => {
  if (times >= 10) return `${Math.round(times)}×`;
  if (times > 0 && times < 0.1) return 'less than 0.1×';
  return `${times.toFixed(1)}×`;
};

const comparedWithMedian = (rate: number | null, medianRate: number | null): string | null => {
  if (rate === null || medianRate === null) return null;
  if (medianRate === 0)
    return rate > 0 ? 'engaged people when the department’s median post had no engagement' : null;
  return `${formatTimes(rate / medianRate)} the department’s median engagement rate`;
};

const mostOf = (post: RankedOwnPost, most: OwnPostsContext['most']): string[] => {
  const counts = { reposts: post.reposts ?? 0, likes: post.likes ?? 0, replies: repliesByOthers(post) };
  return (['reposts', 'likes', 'replies'] as const)
    .filter((what) => counts[what] > 0 && counts[what] === most[what])
    .map((what) => `most ${what} in this period`);
};

const nothingFrom = (post: RankedOwnPost): string | null => {
  const from = post.followers === null ? '' : ` from ${COUNT.format(post.followers)} followers`;
  if ((post.likes ?? 0) + (post.reposts ?? 0) + repliesByOthers(post) === 0)
    return `no likes, reposts or replies${from}`;
  if ((post.reposts ?? 0) + repliesByOthers(post) === 0) return `no replies or reposts${from}`;
  return null;
};

// Out of hours in London: before 07:00, from 22:00, or at a weekend, when fewer followers are reading.
const whenPosted = (at: Date): string | null => {
  const parts = Object.fromEntries(LONDON_CLOCK.formatToParts(at).map((p) => [p.type, p.value]));
  const hour = Number(parts.hour);
  const clock = `${parts.hour}:${parts.minute}`;
  if (hour < 7 || hour >= 22) return `posted at ${clock}`;
  if (parts.weekday === 'Saturday' || parts.weekday === 'Sunday') return `posted on a ${parts.weekday}`;
  return null;
};

/**
 * Why a post is among the best or the worst, in plain words: against the department's median rate, with the
 * counters it led on (best), or what it did not get and when it went out (worst). Never empty.
 */
export const ownPostReason = (post: RankedOwnPost, order: OwnPostOrder, context: OwnPostsContext): string => {
  const median = comparedWithMedian(post.rate, context.medianRate);
  const nothing = order === 'worst' ? nothingFrom(post) : null;
  // "0.0× the median" says again what "no likes, reposts or replies" already said.
  const parts =
    order === 'best'
      ? [median, ...mostOf(post, context.most)]
      : [nothing, post.rate === 0 ? null : median, whenPosted(post.publishedAt)];
  const said = parts.filter((p): p is string => p !== null);
  const reason = said.length > 0 ? said.join('; ') : 'about as engaging as the department’s other posts';
  return reason.charAt(0).toUpperCase() + reason.slice(1);
};

export type OwnPostRanking<P> = {
  medianRate: number | null;
  /** Posts with a rate, ranked; the rest had no follower count and are reported, not ranked. */
  ranked: number;
  withoutFollowers: number;
  items: (P & { rate: number; reason: string })[];
};

/**
 * The best (highest rate first) or worst (lowest first) `limit` posts with why, compared with the window's median
 * rate and its largest counters. Ties go to the earlier post, so the same window always gives the same list.
 */
export const rankOwnPosts = <P extends OwnPostCounters & { publishedAt: Date }>(
  posts: readonly P[],
  order: OwnPostOrder,
  limit: number,
): OwnPostRanking<P> => {
  const rated = posts
    .map((post) => ({ ...post, rate: engagementRate(post) }))
    .filter((post): post is P & { rate: number } => post.rate !== null);
  const context: OwnPostsContext = {
    medianRate: median(rated.map((p) => p.rate)),
    most: {
      likes: Math.max(0, ...posts.map((p) => p.likes ?? 0)),
      reposts: Math.max(0, ...posts.map((p) => p.reposts ?? 0)),
      replies: Math.max(0, ...posts.map(repliesByOthers)),
    },
  };
  const sign = order === 'best' ? -1 : 1;
  const sorted = [...rated].sort(
    (a, b) => sign * (a.rate - b.rate) || a.publishedAt.getTime() - b.publishedAt.getTime(),
  );
  return {
    medianRate: context.medianRate,
    ranked: rated.length,
    withoutFollowers: posts.length - rated.length,
    items: sorted.slice(0, limit).map((post) => ({ ...post, reason: ownPostReason(post, order, context) })),
  };
};
