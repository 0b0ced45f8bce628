import type { Signal } from '@parley/domain';
import { lexemes, sentences } from '../text-analysis';
import { SIGNAL_WEIGHTS } from './score';
import { publicPosts, type RuleHit, type ThreadFacts, type ThreadPostFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.question;
const WH = "how|what|what's|when|where|why|who|which";
const AUX = 'can|could|does|do|did|is|are|was|will|would|should|has|have|may|must';
const SUBJECT =
  'i|you|we|they|he|she|it|there|anyone|anybody|someone|somebody|the|a|an|my|our|your|this|that|these|those|people';
/**
 * Without a "?", a sentence still asks when it opens like a direct question, with the verb before its subject
 * ("how do I…", "can anyone…", "what is…"). "What I would have liked to see is…" and "when I applied…" keep the
 * subject first: they are statements.
 */
const OPENS_LIKE_QUESTION = new RegExp(
  `^(?:(?:${WH})\\s+(?:${AUX})|(?:${AUX})\\s+(?:${SUBJECT})|any\\s?(?:one|body)\\s+know)\\b`,
  'i',
);
/** "I was wondering whether…", "I'd like to know how…", "any advice on…": asking, politely. */
const ASKS_INDIRECTLY = new RegExp(
  `^(?:(?:i(?:'m| am| was)? wondering|i wonder|i(?:'d| would) (?:like|love) to know|i (?:need|want) to know|(?:please )?(?:let me know|tell me|advise|explain))\\s+(?:${WH}|if|whether)|any (?:advice|tips|ideas|help) (?:on|about|with|for))\\b`,
  'i',
);
/** "What was annoying was the wait": a clause about something, then what it was. */
const PSEUDO_CLEFT = /^what\s+(?:\S+\s+){0,5}?(?:is|was)\s+(?:\S+\s+){0,4}?(?:is|was)\b/i;
/** Asked for effect, not for an answer. */
const RHETORICAL =
  /^(?:how dare|who cares|what (?:a|an)\s|what the (?:hell|heck)|are you (?:kidding|serious|joking)|you(?:'re| are) (?:kidding|joking)|who (?:in their right mind|would have thought))\b/i;
/** Greetings and connectives in front of a question ("Hi all, can anyone…", "So where…") change nothing. */
const LEAD_IN =
  /^(?:(?:hi|hello|hey)(?:\s+(?:all|everyone|there|folks))?|so|and|but|also|ok(?:ay)?|please|sorry)\b[,!]?\s+/i;
/** "…?" or "…(I live abroad)?"; not "…asked “why?”", which reports a question rather than asking one. */
const ENDS_ASKING = /\?\)?$/;
/** "Why?" or "Really?" asks nothing the department could answer. */
const MIN_WORDS = 3;
const MAX_DETAIL = 280;

export type FoundQuestion = { sentence: string; onTopic: boolean };

export const isQuestion = (sentence: string): boolean => {
  const words = sentence.split(/\s+/).filter(Boolean);
  if (words.length < MIN_WORDS) return false;
  const opening = sentence.trim().replace(LEAD_IN, '');
  if (RHETORICAL.test(opening)) return false;
  if (ENDS_ASKING.test(sentence.trimEnd())) return true;
  if (PSEUDO_CLEFT.test(opening)) return false;
  return OPENS_LIKE_QUESTION.test(opening) || ASKS_INDIRECTLY.test(opening);
};

/** A sentence that asks something, with its lexemes (for judging whether it is on a rule's topic). */
export type AskedSentence = { sentence: string; lexemes: ReadonlySet<string> };

/** The question sentences of the posts (titles first), in order: the same whatever the department. */
export const questionsIn = (posts: ThreadPostFacts[]): AskedSentence[] =>
  posts
    .flatMap((p) => [...(p.title ? [p.title.trim()] : []), ...sentences(p.text)])
    .filter(isQuestion)
    .map((sentence) => ({ sentence, lexemes: new Set(lexemes(sentence)) }));

const overlap = (question: AskedSentence, terms: Set<string>): number => {
  let shared = 0;
  for (const lexeme of question.lexemes) if (terms.has(lexeme)) shared++;
  return shared;
};

/** The first question that shares the most words with the matched rules; the first question at all otherwise. */
export const pickQuestion = (questions: AskedSentence[], ruleTerms: string[]): FoundQuestion | null => {
  if (questions.length === 0) return null;
  // Matched terms are usually lexemes already; stemming them again is not always a no-op, so keep both.
  const terms = new Set(ruleTerms.flatMap((t) => [t.toLowerCase(), ...lexemes(t)]));
  let best: { sentence: string; score: number } | null = null;
  for (const question of questions) {
    const score = overlap(question, terms);
    if (best === null || score > best.score) best = { sentence: question.sentence, score };
  }
  return best && { sentence: best.sentence, onTopic: best.score > 0 };
};

export const findQuestion = (posts: ThreadPostFacts[], ruleTerms: string[]): FoundQuestion | null =>
  pickQuestion(questionsIn(posts), ruleTerms);

const clip = (text: string): string =>
  text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;

/** The question the thread's public posts ask, judged against the words the department's rules matched. */
export const askedQuestion = (facts: ThreadFacts, hits: RuleHit[]): FoundQuestion | null =>
  findQuestion(
    publicPosts(facts),
    hits.flatMap((h) => h.matchedTerms),
  );

export const questionSignal = (found: FoundQuestion | null): Signal | null =>
  found && { kind: 'question', detail: clip(found.sentence), weight: found.onTopic ? W.onTopic : W.asked };
