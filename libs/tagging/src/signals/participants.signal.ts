import type { Signal } from '@parley/domain';
import { SIGNAL_WEIGHTS } from './score';
import { authorKey, publicPosts, type ThreadFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.participants;
export const PARTICIPANTS = { several: 4, many: 8 } as const;

/** Distinct public authors; posts whose author is unknown cannot be told apart, so they are not counted. */
export const countParticipants = (facts: ThreadFacts): number =>
  new Set(
    publicPosts(facts)
      .map(authorKey)
      .filter((k): k is string => k !== null),
  ).size;

export const participantsSignal = (facts: ThreadFacts): Signal | null => {
  const people = countParticipants(facts);
  if (people < PARTICIPANTS.several) return null;
  return {
    kind: 'participants',
    detail: `${people} people taking part`,
    weight: people >= PARTICIPANTS.many ? W.many : W.several,
  };
};
