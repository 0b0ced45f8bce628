import { firstResponse, type Signal } from '@parley/domain';
import { formatSpan } from './format';
import { SIGNAL_WEIGHTS } from './score';
import {
  datedPosts,
  postsBy,
  publicPosts,
  starterOf,
  type DepartmentFacts,
  type ThreadFacts,
} from './thread-facts';

const W = SIGNAL_WEIGHTS.alreadyEngaged;

const firstReplyNote = (facts: ThreadFacts, departmentId: string): string | null => {
  const dated = datedPosts(facts.posts).map((p) => ({
    publishedAt: p.publishedAt,
    byDepartment: p.byDepartmentId === departmentId,
  }));
  const first = firstResponse(dated);
  return first
    ? `first reply ${formatSpan(first.firstResponseSeconds * 1000)} after the first public post`
    : null;
};

/** Public posts after the department's last one: the conversation has moved on since it replied. */
const publicPostsSince = (facts: ThreadFacts, last: Date): number =>
  datedPosts(publicPosts(facts)).filter((p) => p.publishedAt.getTime() > last.getTime()).length;

/**
 * The department has already taken part: less need to, unless people have kept talking since. Starting the thread
 * is not taking part in it: the public replying to that post is what the department should answer.
 */
export const alreadyEngagedSignal = (facts: ThreadFacts, department: DepartmentFacts): Signal | null => {
  const started = starterOf(facts) === department.id;
  const own = postsBy(facts, department.id).filter((p) => !(started && p.isRoot));
  if (own.length === 0) return null;
  const dated = datedPosts(own);
  const count = own.length === 1 ? '' : ` (${own.length} posts)`;
  if (dated.length === 0) {
    return {
      kind: 'already-engaged',
      detail: `${department.name} has posted in the thread${count}`,
      weight: W.answered,
    };
  }
  const last = new Date(Math.max(...dated.map((p) => p.publishedAt.getTime())));
  const since = publicPostsSince(facts, last);
  const parts = [
    // No "posted 3 h ago": stored with the opportunity, an age would be wrong by the time anyone reads it.
    `${department.name} has replied${count}`,
    firstReplyNote(facts, department.id),
    since > 0 ? `${since} public post${since === 1 ? '' : 's'} since` : 'nothing since',
  ];
  return {
    kind: 'already-engaged',
    detail: parts.filter((p): p is string => p !== null).join('; '),
    weight: since > 0 ? W.postsSince : W.answered,
  };
};
