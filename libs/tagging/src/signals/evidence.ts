import { indexWords, lexemesOf, writtenForms, type WordIndex, type Written } from '../text-analysis';
import { pickQuestion, questionsIn, type AskedSentence, type FoundQuestion } from './question.signal';
import {
  countTerms,
  rankByBestOf,
  suggestResources,
  termCountsOf,
  type RankedResource,
  type TermCounts,
} from './resource-match.signal';
import {
  postText,
  publicPosts,
  textOf,
  type DepartmentResource,
  type RuleHit,
  type ThreadFacts,
  type ThreadPostFacts,
} from './thread-facts';

/** Each post's words are read once, however many departments' rules and terms ask about them. */
const wordIndexes = new WeakMap<ThreadPostFacts, WordIndex>();
const wordIndexOf = (post: ThreadPostFacts): WordIndex => {
  let index = wordIndexes.get(post);
  if (!index) wordIndexes.set(post, (index = indexWords(postText(post))));
  return index;
};

/** A public post with what tagging reads in it, worked out once per conversation whatever the department. */
export type PostAnalysis = { post: ThreadPostFacts; questions: AskedSentence[]; terms: TermCounts };

export const analysePosts = (facts: ThreadFacts): PostAnalysis[] =>
  publicPosts(facts).map((post) => ({
    post,
    questions: questionsIn([post]),
    terms: countTerms(lexemesOf(wordIndexOf(post))),
  }));

/**
 * What a department's tagging is judged on: the public posts its rules matched, and as their immediate context
 * the public posts just before and after each (the post a comment answers, the reply to it). In a long thread
 * the rest is other people's conversation: weighing it in would dilute the one comment that asks.
 */
export type Evidence = { matched: PostAnalysis[]; context: PostAnalysis[]; inOrder: PostAnalysis[] };

export const evidenceFor = (posts: PostAnalysis[], hits: RuleHit[]): Evidence => {
  const ids = new Set(hits.flatMap((h) => h.postIds));
  if (ids.size === 0) return { matched: posts, context: [], inOrder: posts };
  const isMatched = posts.map((p) => ids.has(p.post.id));
  const isContext = posts.map((_, i) => !isMatched[i] && (isMatched[i - 1] || isMatched[i + 1]));
  return {
    matched: posts.filter((_, i) => isMatched[i]),
    context: posts.filter((_, i) => isContext[i]),
    inOrder: posts.filter((_, i) => isMatched[i] || isContext[i]),
  };
};

/**
 * The matched posts as one text: what the route's patterns read. Not their context, where a neighbour's "what do
 * you make of the new tax?" is someone else's question.
 */
export const evidenceText = (evidence: Evidence): string => textOf(evidence.matched.map((p) => p.post));

/** The question of the matched posts on the rules' words; a question in their context only when they ask none. */
export const evidenceQuestion = (evidence: Evidence, hits: RuleHit[]): FoundQuestion | null =>
  pickQuestion(
    [...evidence.matched, ...evidence.context].flatMap((p) => p.questions),
    hits.flatMap((h) => h.matchedTerms),
  );

const termsTogether = (posts: PostAnalysis[]): TermCounts => {
  const together = new Map<string, number>();
  for (const p of posts) for (const [term, n] of p.terms) together.set(term, (together.get(term) ?? 0) + n);
  return together;
};

/**
 * Each resource judged on the matched post most like it, or on the matched posts and their context together.
 * When those are too taken up with other things to point anywhere (a chatty comment that asks for exactly what a
 * department publishes, in passing), on the question asked on the rules' words alone.
 */
export const evidenceResources = (
  evidence: Evidence,
  question: FoundQuestion | null,
  resources: DepartmentResource[],
): RankedResource[] => {
  const posts = evidence.matched.map((p) => p.terms);
  // Most threads are one post: their counts together are that post's, already in the list.
  if (evidence.inOrder.length > 1) posts.push(termsTogether(evidence.inOrder));
  const suggested = suggestResources(rankByBestOf(posts, resources));
  if (suggested.length > 0 || !question?.onTopic) return suggested;
  return suggestResources(rankByBestOf([termCountsOf(question.sentence)], resources));
};

/** Enough forms of one term to show how people wrote it ("renewal, renewing") without listing a whole thread. */
const MAX_FORMS = 3;

/**
 * The different ways a term was written, in order of first use; each in the case it has inside a sentence when
 * it has one, since a capital that only opens a sentence ("Term dates for…") says nothing.
 */
const distinctForms = (written: Written[]): string[] => {
  const byWord = new Map<string, Written>();
  for (const w of written) {
    const key = w.text.toLowerCase();
    const seen = byWord.get(key);
    if (!seen || (seen.opensSentence && !w.opensSentence)) byWord.set(key, w);
  }
  return [...byWord.values()].slice(0, MAX_FORMS).map((w) => w.text);
};

/**
 * A rule's matched terms as its posts wrote them ("Universal Credit", not `univers credit`): what the inbox shows
 * and marks in the thread. A term the posts do not show as words (`#tag`, `site:gov.uk`) stays as it is.
 */
export const wordsAsWritten = (hit: RuleHit, evidence: Evidence): string[] => {
  const ids = new Set(hit.postIds);
  const texts = evidence.matched
    .filter((p) => ids.size === 0 || ids.has(p.post.id))
    .map((p) => wordIndexOf(p.post));
  return hit.matchedTerms.flatMap((term) => {
    const forms = distinctForms(texts.flatMap((text) => writtenForms(text, term)));
    return forms.length > 0 ? forms : [term];
  });
};
