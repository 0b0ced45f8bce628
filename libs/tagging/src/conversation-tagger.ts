import { firstResponse, groupBy, type FirstResponse, type Route, type Signal } from '@parley/domain';
import { departmentOfPost, type Account, type AuthoredPost } from './department-posts';
import type { RuleMatch, RuleMatcher } from './rule-matcher';
import {
  analyseThread,
  tagThread,
  type DepartmentFacts,
  type RankedResource,
  type ThreadFacts,
} from './signals';
import { publicPostTimes, publicPosts, starterOf } from './signals/thread-facts';

export type TaggablePost = AuthoredPost & {
  title: string | null;
  text: string;
  publishedAt: Date | null;
  authorFollowers: number | null;
  language?: string | null;
  source?: string | null;
  isRoot?: boolean;
};
export type DepartmentProfile = DepartmentFacts;

export type OpportunityDraft = {
  departmentId: string;
  score: number;
  route: Route;
  routeReason: string;
  rules: { key: string; version: number }[];
  signals: Signal[];
  resources: RankedResource[];
  engagement: FirstResponse | null;
  /** When the first-response clock starts: the first public post (in a thread the department started, the first reply). */
  firstPublicPostAt: Date | null;
};

export type TaggingResult = {
  postDepartments: { postId: string; departmentId: string | null }[];
  opportunities: OpportunityDraft[];
};

const engagementOf = (facts: ThreadFacts, departmentId: string): FirstResponse | null => {
  const thread = facts.posts
    .filter((p): p is typeof p & { publishedAt: Date } => p.publishedAt !== null)
    .map((p) => ({ publishedAt: p.publishedAt, byDepartment: p.byDepartmentId === departmentId }));
  return thread.some((p) => p.byDepartment) ? firstResponse(thread) : null;
};

const firstPublicPostAt = (facts: ThreadFacts): Date | null => {
  const times = publicPostTimes(facts).map((t) => t.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
};

/** The department whose own post the public has replied to: it has an opportunity whatever its rules say. */
const repliedToDepartment = (facts: ThreadFacts): string | null =>
  publicPosts(facts).length > 0 ? starterOf(facts) : null;

/**
 * Rules match post by post (as the Postgres preview does); a conversation matches a rule when any of its public
 * posts does, and the evidence is every word that matched across them, and those posts.
 */
const matchPublicPosts = (
  posts: TaggablePost[],
  matcher: RuleMatcher,
): (RuleMatch & { postIds: string[] })[] => {
  // Gathered in place: copying the lists for every post made a long thread's matching quadratic.
  const byRule = new Map<string, { match: RuleMatch; terms: Set<string>; postIds: string[] }>();
  for (const post of posts) {
    for (const match of matcher.match(post)) {
      const seen = byRule.get(match.rule.id);
      if (!seen) byRule.set(match.rule.id, { match, terms: new Set(match.matchedTerms), postIds: [post.id] });
      else {
        for (const term of match.matchedTerms) seen.terms.add(term);
        seen.postIds.push(post.id);
      }
    }
  }
  return [...byRule.values()].map(({ match, terms, postIds }) => ({
    ...match,
    matchedTerms: [...terms],
    postIds,
  }));
};

/**
 * Tags one conversation: which departments' rules match the public posts (or whose own post the public replied
 * to), why (signals with evidence), how much (score) and what to do (route), plus which posts are the departments'.
 */
export const tagConversation = (
  posts: TaggablePost[],
  matcher: RuleMatcher,
  departments: DepartmentProfile[],
  accounts: Account[],
  now: Date,
): TaggingResult => {
  const postDepartments = posts.map((p) => ({ postId: p.id, departmentId: departmentOfPost(p, accounts) }));
  const facts: ThreadFacts = {
    now,
    posts: posts.map((p, i) => ({ ...p, byDepartmentId: postDepartments[i].departmentId })),
  };
  const matches = matchPublicPosts(
    posts.filter((_, i) => postDepartments[i].departmentId === null),
    matcher,
  );
  const byDepartment = groupBy(matches, (m) => m.rule.departmentId);
  const repliedTo = repliedToDepartment(facts);
  const thread = matches.length > 0 || repliedTo !== null ? analyseThread(facts) : null;
  const clockFrom = thread ? firstPublicPostAt(facts) : null;
  const opportunities = departments.flatMap((department): OpportunityDraft[] => {
    const own = byDepartment.get(department.id) ?? [];
    if (!thread || (own.length === 0 && repliedTo !== department.id)) return [];
    const hits = own.map((m) => ({
      key: m.rule.key,
      version: m.rule.version,
      matchedTerms: m.matchedTerms,
      postIds: m.postIds,
    }));
    const tagged = tagThread(facts, department, hits, thread);
    return [
      {
        departmentId: department.id,
        score: tagged.score,
        route: tagged.route,
        routeReason: tagged.routeReason,
        rules: hits.map(({ key, version }) => ({ key, version })),
        signals: tagged.signals,
        resources: tagged.resources,
        engagement: engagementOf(facts, department.id),
        firstPublicPostAt: clockFrom,
      },
    ];
  });
  return { postDepartments, opportunities };
};
