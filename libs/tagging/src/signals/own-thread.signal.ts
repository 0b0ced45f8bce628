import type { Signal } from '@parley/domain';
import { SIGNAL_WEIGHTS } from './score';
import { publicPosts, starterOf, type DepartmentFacts, type ThreadFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.ownThread;

/** The public replying to a post by one of the department's accounts: they are talking to the department. */
export const ownThreadSignal = (facts: ThreadFacts, department: DepartmentFacts): Signal | null => {
  if (starterOf(facts) !== department.id) return null;
  const replies = publicPosts(facts).length;
  if (replies === 0) return null;
  const what = replies === 1 ? 'a public reply' : `${replies} public replies`;
  return { kind: 'own-thread', detail: `${what} to a post by ${department.name}`, weight: W.replied };
};
