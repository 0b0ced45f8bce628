/**
 * Matching the department's own posts, as fetched, to the engagements people recorded or Parley published, so a
 * reply is counted once: first by URL or the platform's id of the post, else by the account it came from, its
 * time and its words.
 */

/** An engagement recorded in Parley that no fetched post has been linked to yet. */
export type RecordedEngagement = {
  id: string;
  departmentId: string;
  conversationId: string;
  platform: string | null;
  accountHandle: string | null;
  url: string | null;
  externalId: string | null;
  occurredAt: Date;
  text: string | null;
};

/** A fetched post written by one of the department's accounts. */
export type DepartmentPost = {
  id: string;
  departmentId: string;
  conversationId: string;
  platform: string;
  authorHandle: string | null;
  url: string | null;
  externalId: string;
  publishedAt: Date | null;
  text: string;
};

export type EngagementLink = { engagementId: string; postId: string };

/** How far apart a recorded time and the post's own time may be (people round, and type the time later). */
export const MATCH_WINDOW_MS = 2 * 60 * 60 * 1000;
/** Share of words the two texts must have in common (platforms add mentions, links get shortened). */
export const MIN_TEXT_SIMILARITY = 0.6;

const normalUrl = (url: string | null): string | null => {
  const parsed = url ? URL.parse(url) : null;
  if (!parsed) return url;
  return `${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
};

const localPart = (handle: string | null): string | null =>
  handle ? (handle.toLowerCase().replace(/^@/, '').split('@')[0] ?? null) : null;

const words = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/[@#]\S+/g, ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );

/**
 * Words in common over the words of the longer text, leaving out mentions and links (which platforms add and
 * shorten), so a post that is the recorded text scores 1 and one that merely shares its vocabulary less.
 */
export const textSimilarity = (a: string, b: string): number => {
  const x = words(a);
  const y = words(b);
  const larger = Math.max(x.size, y.size);
  if (Math.min(x.size, y.size) === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return shared / larger;
};

const sameThread = (e: RecordedEngagement, p: DepartmentPost) =>
  e.departmentId === p.departmentId && e.conversationId === p.conversationId;

const exactly = (e: RecordedEngagement, p: DepartmentPost): boolean =>
  (e.url !== null && normalUrl(e.url) === normalUrl(p.url)) ||
  (e.externalId !== null && e.externalId === p.externalId && (e.platform ?? p.platform) === p.platform);

/** How well a post fits an engagement recorded without its URL: null when it is not the same post. */
const closeness = (e: RecordedEngagement, p: DepartmentPost): number | null => {
  if (e.url !== null || e.externalId !== null || !e.text || !p.publishedAt) return null;
  if (e.platform !== null && e.platform !== p.platform) return null;
  if (e.accountHandle !== null && localPart(e.accountHandle) !== localPart(p.authorHandle)) return null;
  if (Math.abs(e.occurredAt.getTime() - p.publishedAt.getTime()) > MATCH_WINDOW_MS) return null;
  const similarity = textSimilarity(e.text, p.text);
  return similarity >= MIN_TEXT_SIMILARITY ? similarity : null;
};

/** Which fetched post is which recorded engagement; each of either is linked at most once. */
export const matchEngagements = (
  recorded: readonly RecordedEngagement[],
  posts: readonly DepartmentPost[],
): EngagementLink[] => {
  const links: EngagementLink[] = [];
  const usedPosts = new Set<string>();
  const linked = new Set<string>();
  const link = (e: RecordedEngagement, p: DepartmentPost) => {
    links.push({ engagementId: e.id, postId: p.id });
    usedPosts.add(p.id);
    linked.add(e.id);
  };
  for (const e of recorded) {
    const post = posts.find((p) => !usedPosts.has(p.id) && sameThread(e, p) && exactly(e, p));
    if (post) link(e, post);
  }
  for (const e of recorded.filter((r) => !linked.has(r.id))) {
    const scored = posts
      .filter((p) => !usedPosts.has(p.id) && sameThread(e, p))
      .map((p) => ({ p, score: closeness(e, p) }))
      .filter((c): c is { p: DepartmentPost; score: number } => c.score !== null)
      .sort((a, b) => b.score - a.score);
    if (scored[0]) link(e, scored[0].p);
  }
  return links;
};
