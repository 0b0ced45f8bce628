import type { Signal } from '@parley/domain';
import { lexemes } from '../text-analysis';
import { shortUrl } from './format';
import { SIGNAL_WEIGHTS } from './score';
import type { DepartmentResource } from './thread-facts';

export type RankedResource = { title: string; url: string; similarity: number };
export type TermCounts = ReadonlyMap<string, number>;

/** Cosine similarities: from `suggest` a resource is worth pointing to; from `strong` it is the answer itself. */
export const SIMILARITY = { suggest: 0.12, strong: 0.3 } as const;
export const MAX_SUGGESTED = 3;
/** Titles say what a page is for, so they count twice (Postgres' index weights them higher too). */
const TITLE_REPEAT = 2;

export const countTerms = (words: string[]): TermCounts => {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
};

// Resources are long and change rarely while threads keep coming, so their lexemes are stemmed once per object.
const resourceCounts = new WeakMap<DepartmentResource, TermCounts>();
const countsOf = (resource: DepartmentResource): TermCounts => {
  const cached = resourceCounts.get(resource);
  if (cached) return cached;
  const title = lexemes(resource.title);
  const counts = countTerms([...Array<string[]>(TITLE_REPEAT).fill(title).flat(), ...lexemes(resource.text)]);
  resourceCounts.set(resource, counts);
  return counts;
};

/** Smoothed IDF over the resources plus the thread, so a term every document shares still counts a little. */
const inverseFrequencies = (documents: TermCounts[]): Map<string, number> => {
  const frequency = new Map<string, number>();
  for (const doc of documents)
    for (const term of doc.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const n = documents.length;
  return new Map([...frequency].map(([term, df]) => [term, Math.log((1 + n) / (1 + df)) + 1]));
};

/** Sublinear term frequency keeps a long page that repeats a word from drowning everything else. */
const vectorOf = (counts: TermCounts, idf: Map<string, number>): Map<string, number> =>
  new Map([...counts].map(([term, tf]) => [term, (1 + Math.log(tf)) * (idf.get(term) ?? 0)]));

const norm = (v: Map<string, number>): number => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));

const cosine = (a: Map<string, number>, b: Map<string, number>): number => {
  const denominator = norm(a) * norm(b);
  if (denominator === 0) return 0;
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  return dot / denominator;
};

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The lexemes of a text with their counts: what rankByTerms compares. */
export const termCountsOf = (text: string): TermCounts => countTerms(lexemes(text));

/** Every resource ranked by TF-IDF cosine similarity to the thread's terms: best first, ties by url. */
export const rankByTerms = (thread: TermCounts, resources: DepartmentResource[]): RankedResource[] => {
  if (resources.length === 0) return [];
  const docs = resources.map(countsOf);
  const idf = inverseFrequencies([...docs, thread]);
  const threadVector = vectorOf(thread, idf);
  return resources
    .map((r, i) => ({
      title: r.title,
      url: r.url,
      similarity: round(cosine(threadVector, vectorOf(docs[i], idf))),
    }))
    .sort((a, b) => b.similarity - a.similarity || a.url.localeCompare(b.url));
};

/**
 * Every resource ranked by its best similarity to any one of several texts' terms (see evidenceResources): best
 * first, ties by url.
 */
export const rankByBestOf = (texts: TermCounts[], resources: DepartmentResource[]): RankedResource[] => {
  const best = new Map<string, RankedResource>();
  for (const terms of texts)
    for (const ranked of rankByTerms(terms, resources)) {
      const seen = best.get(ranked.url);
      if (!seen || ranked.similarity > seen.similarity) best.set(ranked.url, ranked);
    }
  return [...best.values()].sort((a, b) => b.similarity - a.similarity || a.url.localeCompare(b.url));
};

/** rankByTerms for the thread's text. */
export const rankResources = (threadText: string, resources: DepartmentResource[]): RankedResource[] =>
  rankByTerms(termCountsOf(threadText), resources);

/** The ones worth showing: the top three above the suggestion threshold. */
export const suggestResources = (ranked: RankedResource[]): RankedResource[] =>
  ranked.filter((r) => r.similarity >= SIMILARITY.suggest).slice(0, MAX_SUGGESTED);

/** How close a suggested resource is, in words: the number itself means nothing to the person replying. */
export const closeness = (r: RankedResource): string =>
  r.similarity >= SIMILARITY.strong ? 'a close match' : 'on a related subject';

const describe = (r: RankedResource): string => `"${r.title}" (${shortUrl(r.url)}), ${closeness(r)}`;

export const resourceMatchSignal = (suggested: RankedResource[]): Signal | null => {
  const best = suggested[0];
  if (!best) return null;
  const W = SIGNAL_WEIGHTS.resourceMatch;
  return {
    kind: 'resource-match',
    detail: suggested.map(describe).join('; '),
    weight: best.similarity >= SIMILARITY.strong ? W.strong : W.moderate,
  };
};
