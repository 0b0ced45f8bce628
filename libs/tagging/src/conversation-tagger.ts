import { firstResponse, type FirstResponse, type Route, type Signal } from '@parley/domain';
import { departmentOfPost, type Account, type AuthoredPost } from './department-posts';
import { decideRoute } from './route-decision';
import type { RuleMatcher } from './rule-matcher';
import { sentences } from './text-analysis';

export type TaggablePost = AuthoredPost & { title: string | null; text: string; publishedAt: Date | null };
export type DepartmentProfile = { id: string; key: string; name: string; aliases: string[] };

export type OpportunityDraft = {
  departmentId: string;
  score: number;
  route: Route;
  routeReason: string;
  rules: { key: string; version: number }[];
  signals: Signal[];
  engagement: FirstResponse | null;
};

export type TaggingResult = {
  postDepartments: { postId: string; departmentId: string | null }[];
  opportunities: OpportunityDraft[];
};

const WEIGHTS = { rule: 40, extraRule: 10, question: 25, mention: 15, engaged: -10 } as const;

const firstQuestion = (posts: TaggablePost[]): string | null => {
  for (const post of posts) {
    const asked = sentences(post.text).find((s) => s.endsWith('?'));
    if (asked) return asked;
  }
  return null;
};

const mentionOf = (department: DepartmentProfile, text: string): string | null => {
  const lower = text.toLowerCase();
  return (
    [department.name, ...department.aliases].find((n) => n.length > 1 && lower.includes(n.toLowerCase())) ??
    null
  );
};

/** Tags one conversation: which departments' rules match, why (signals), how much (score) and what to do (route). */
export const tagConversation = (
  posts: TaggablePost[],
  matcher: RuleMatcher,
  departments: DepartmentProfile[],
  accounts: Account[],
): TaggingResult => {
  const postDepartments = posts.map((p) => ({ postId: p.id, departmentId: departmentOfPost(p, accounts) }));
  const publicPosts = posts.filter((_, i) => postDepartments[i].departmentId === null);
  const publicText = publicPosts.map((p) => [p.title, p.text].filter(Boolean).join('\n')).join('\n');
  const matches = matcher.match(publicText);
  const question = firstQuestion(publicPosts);

  const opportunities = departments.flatMap((department): OpportunityDraft[] => {
    const own = matches.filter((m) => m.rule.departmentId === department.id);
    if (own.length === 0) return [];
    const signals: Signal[] = [
      {
        kind: 'rule',
        detail: own.map((m) => `${m.rule.key} (${m.matchedTerms.join(', ')})`).join('; '),
        weight: WEIGHTS.rule + WEIGHTS.extraRule * Math.min(own.length - 1, 2),
      },
    ];
    if (question) signals.push({ kind: 'question', detail: question, weight: WEIGHTS.question });
    const mention = mentionOf(department, publicText);
    if (mention) signals.push({ kind: 'mention', detail: `names "${mention}"`, weight: WEIGHTS.mention });
    const thread = posts
      .map((p, i) => ({
        publishedAt: p.publishedAt,
        byDepartment: postDepartments[i].departmentId === department.id,
      }))
      .filter((p): p is { publishedAt: Date; byDepartment: boolean } => p.publishedAt !== null);
    const engaged = thread.some((p) => p.byDepartment);
    if (engaged)
      signals.push({
        kind: 'already-engaged',
        detail: `${department.name} has taken part`,
        weight: WEIGHTS.engaged,
      });
    const decision = decideRoute(question, publicText);
    return [
      {
        departmentId: department.id,
        score: Math.max(
          0,
          Math.min(
            100,
            signals.reduce((sum, s) => sum + s.weight, 0),
          ),
        ),
        route: decision.route,
        routeReason: decision.reason,
        rules: own.map((m) => ({ key: m.rule.key, version: m.rule.version })),
        signals,
        engagement: engaged ? firstResponse(thread) : null,
      },
    ];
  });
  return { postDepartments, opportunities };
};
