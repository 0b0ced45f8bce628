/** One post of a conversation, as tagging sees it: who wrote it, when, and whether a department account did. */
export type ThreadPostFacts = {
  id: string;
  title: string | null;
  text: string;
  authorName: string | null;
  authorHandle: string | null;
  /** Known only on some platforms; null means "not known", never zero. */
  authorFollowers: number | null;
  publishedAt: Date | null;
  /** The department whose account wrote the post (see `departmentOfPost`), or null for the public. */
  byDepartmentId: string | null;
  platform: string;
  url: string | null;
  /** The post that started the conversation; absent when the caller does not know which one did. */
  isRoot?: boolean;
};

/** A whole conversation plus the clock, so every time-based signal is reproducible in tests and replays. */
export type ThreadFacts = { posts: ThreadPostFacts[]; now: Date };

/** Public-domain material a department can point to: title, link and the text used for matching. */
export type DepartmentResource = { title: string; url: string; text: string };

export type DepartmentFacts = {
  id: string;
  key: string;
  name: string;
  aliases: string[];
  /** Handles of the department's own accounts, so `@handle` in a post counts as addressing it. */
  handles: string[];
  resources: DepartmentResource[];
};

/**
 * One listening rule of the department that matched the thread, with the words that made it match and the
 * public posts it matched (empty when not known, as in a hand-made hit: then every public post is evidence).
 */
export type RuleHit = { key: string; version: number; matchedTerms: string[]; postIds: string[] };

/** Posts by the public: a department's own posts (any department's) are not what we are listening for. */
export const publicPosts = (facts: ThreadFacts): ThreadPostFacts[] =>
  facts.posts.filter((p) => p.byDepartmentId === null);

export const postsBy = (facts: ThreadFacts, departmentId: string): ThreadPostFacts[] =>
  facts.posts.filter((p) => p.byDepartmentId === departmentId);

export const postText = (post: ThreadPostFacts): string => [post.title, post.text].filter(Boolean).join('\n');

export const textOf = (posts: ThreadPostFacts[]): string => posts.map(postText).join('\n');

export const datedPosts = (posts: ThreadPostFacts[]): (ThreadPostFacts & { publishedAt: Date })[] =>
  posts.filter((p): p is ThreadPostFacts & { publishedAt: Date } => p.publishedAt !== null);

/** When the public posted, for the signals that depend on the clock (and are worked out again when read). */
export const publicPostTimes = (facts: ThreadFacts): Date[] =>
  datedPosts(publicPosts(facts)).map((p) => p.publishedAt);

/** The department whose account started the thread, or null when the public (or nobody known) did. */
export const starterOf = (facts: ThreadFacts): string | null =>
  facts.posts.find((p) => p.isRoot)?.byDepartmentId ?? null;

/** Who wrote a post, stable across the thread; null when a connector knew neither handle nor name. */
export const authorKey = (post: ThreadPostFacts): string | null => {
  const who = post.authorHandle ?? post.authorName;
  return who ? `${post.platform}:${who.toLowerCase()}` : null;
};
