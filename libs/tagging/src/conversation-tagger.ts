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

export type TaggablePost = AuthoredPost & {
  title: string | null;
  text: string;
  publishedAt: Date | null;
  authorFollowers: number | null;
  language?: string | null;
  source?: string | null;
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

/**
 * Rules match post by post (as the Postgres preview does); a conversation matches a rule when any of its public
 * posts does, and the evidence is every word that matched across them, and those posts.
 */
const matchPublicPosts = (
  posts: TaggablePost[],
  matcher: RuleMatcher,
): (RuleMatch & { postIds: string[] })[] => {
  const byRule = new Map<string, RuleMatch & { postIds: string[] }>();
  for (const post of posts) {
    for (const match of matcher.match(post)) {
      const seen = byRule.get(match.rule.id);
      const terms = seen ? [...new Set([...seen.matchedTerms, ...match.matchedTerms])] : match.matchedTerms;
      byRule.set(match.rule.id, {
        ...match,
        matchedTerms: terms,
        postIds: [...(seen?.postIds ?? []), post.id],
      });
    }
  }
  return [...byRule.values()];
};

/**
 * Tags one conversation: which departments' rules match the public posts, why (signals with evidence), how much
 * (score) and what to do (route), plus which posts are the departments' own.
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
  const thread = matches.length > 0 ? analyseThread(facts) : null;
  const opportunities = departments.flatMap((department): OpportunityDraft[] => {
    const own = byDepartment.get(department.id);
    if (!own || !thread) return [];
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
      },
    ];
  });
  return { postDepartments, opportunities };
};
