import { firstResponse, type FirstResponse, type Route, type Signal } from '@parley/domain';
import { departmentOfPost, type Account, type AuthoredPost } from './department-posts';
import type { RuleMatcher } from './rule-matcher';
import { tagThread, type DepartmentFacts, type RankedResource, type ThreadFacts } from './signals';

export type TaggablePost = AuthoredPost & {
  title: string | null;
  text: string;
  publishedAt: Date | null;
  authorFollowers: number | null;
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
  const publicText = facts.posts
    .filter((p) => p.byDepartmentId === null)
    .map((p) => [p.title, p.text].filter(Boolean).join('\n'))
    .join('\n');
  const matches = matcher.match(publicText);
  const opportunities = departments.flatMap((department): OpportunityDraft[] => {
    const own = matches.filter((m) => m.rule.departmentId === department.id);
    if (own.length === 0) return [];
    const hits = own.map((m) => ({ key: m.rule.key, version: m.rule.version, matchedTerms: m.matchedTerms }));
    const tagged = tagThread(facts, department, hits);
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
