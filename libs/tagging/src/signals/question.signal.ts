import type { Signal } from '@parley/domain';
import { lexemes, sentences } from '../text-analysis';
import { SIGNAL_WEIGHTS } from './score';
import { publicPosts, type RuleHit, type ThreadFacts, type ThreadPostFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.question;
const WH = "how|what|what's|when|where|why|who|which";
const AUX = 'can|could|does|do|did|is|are|was|will|would|should|has|have|may|must';
const SUBJECT =
  'i|you|we|they|he|she|it|there|anyone|anybody|someone|somebody|the|a|an|my|our|your|this|that|these|those|people';
/** A sentence without "?" still asks when it opens like one ("how do I…", "can anyone…"), but not "when I…". */
const OPENS_LIKE_QUESTION = new RegExp(
  `^(?:(?:${WH})\\s+(?:(?:${AUX})|(?:${SUBJECT})\\s+(?:${AUX}))|(?:${AUX})\\s+(?:${SUBJECT})|any\\s?(?:one|body)\\s+know)\\b`,
  'i',
);
/** "Why?" or "Really?" asks nothing the department could answer. */
const MIN_WORDS = 3;
const MAX_DETAIL = 280;

export type FoundQuestion = { sentence: string; onTopic: boolean };

export const isQuestion = (sentence: string): boolean => {
  const words = sentence.split(/\s+/).filter(Boolean);
  if (words.length < MIN_WORDS) return false;
  return sentence.trimEnd().endsWith('?') || OPENS_LIKE_QUESTION.test(sentence.trim());
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
