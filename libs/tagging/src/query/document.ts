import { hashtagsIn, hostOf, mentionsIn } from './text-patterns';
import { concatTitleAndText, pgLower, type Postings, tsvectorOf } from './text-search';

/** A post as the rule matcher sees it: the columns of `post` (and its source's key) a rule can test. */
export type MatchableDocument = {
  title?: string | null;
  text: string;
  authorHandle?: string | null;
  /** Carried for explanations; no filter reads it yet. */
  authorName?: string | null;
  url?: string | null;
  /** The source's key (`source.key`). */
  source?: string | null;
  language?: string | null;
  platform?: string | null;
};

/**
 * A post analysed once, so that thousands of rules can be checked against it cheaply. The lexemes and
 * positions are exactly those of the `post.search_vector` column for the same title and text.
 */
export type PreparedDocument = {
  /** lexeme → positions in title||text, and the subset in the title. */
  readonly postings: ReadonlyMap<string, Postings>;
  /** The same lexemes, sorted, so a prefix finds its range by binary search. */
  readonly lexemes: readonly string[];
  /** Hashtags and mentions of the text (not the title), lower-cased, without "#" / "@". */
  readonly hashtags: ReadonlySet<string>;
  readonly mentions: ReadonlySet<string>;
  /** Lower-cased, leading "@"s removed. */
  readonly authorHandle: string | null;
  readonly authorName: string | null;
  /** Host name of the url, ASCII lower-cased. */
  readonly host: string | null;
  readonly source: string | null;
  /** Lower-cased, "_" written "-" (en-gb). */
  readonly language: string | null;
  readonly platform: string | null;
};

const MAX_PREFIX_KEY = 200;

const lowerOrNull = (value: string | null | undefined): string | null => (value ? pgLower(value) : null);

export const prepareDocument = (doc: MatchableDocument): PreparedDocument => {
  const postings = concatTitleAndText(tsvectorOf(doc.title ?? ''), tsvectorOf(doc.text));
  const lowerText = pgLower(doc.text);
  return {
    postings,
    lexemes: [...postings.keys()].sort(),
    hashtags: hashtagsIn(lowerText),
    mentions: mentionsIn(lowerText),
    authorHandle: lowerOrNull(doc.authorHandle)?.replace(/^@+/, '') ?? null,
    authorName: doc.authorName ?? null,
    host: hostOf(doc.url ?? null),
    source: doc.source ?? null,
    language: lowerOrNull(doc.language)?.replace(/_/g, '-') ?? null,
    platform: lowerOrNull(doc.platform),
  };
};

/** The lexemes of the document that start with `prefix` (binary search over the sorted lexemes). */
export const lexemesWithPrefix = (doc: PreparedDocument, prefix: string): string[] => {
  const { lexemes } = doc;
  let low = 0;
  let high = lexemes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (lexemes[mid] < prefix) low = mid + 1;
    else high = mid;
  }
  const out: string[] = [];
  for (let i = low; i < lexemes.length && lexemes[i].startsWith(prefix); i++) out.push(lexemes[i]);
  return out;
};

/**
 * The keys under which a rule index (see requiredTerms) finds the rules that may match this document:
 * every lexeme, every prefix of a lexeme followed by "*", "#tag" and "@handle".
 */
export const documentKeys = (doc: PreparedDocument): Set<string> => {
  const keys = new Set<string>();
  for (const lexeme of doc.lexemes) {
    keys.add(lexeme);
    // A rule's prefix is at most a 200-character word, so longer prefixes of a long URL are never keys.
    const longest = Math.min(lexeme.length, MAX_PREFIX_KEY);
    for (let end = 1; end <= longest; end++) keys.add(`${lexeme.slice(0, end)}*`);
  }
  for (const tag of doc.hashtags) keys.add(`#${tag}`);
  for (const handle of doc.mentions) keys.add(`@${handle}`);
  return keys;
};
