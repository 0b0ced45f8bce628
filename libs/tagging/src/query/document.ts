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

const lowerOrNull = (value: string | null | undefined): string | null => (value ? pgLower(value) : null);

const NONE: ReadonlySet<string> = new Set();

/**
 * A post analysed once, so that thousands of rules can be checked against it cheaply. The lexemes and
 * positions are exactly those of the `post.search_vector` column for the same title and text.
 */
export class PreparedDocument {
  /** lexeme → positions in title||text, and the subset in the title. */
  readonly postings: ReadonlyMap<string, Postings>;
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
  /** The lexemes sorted, made when a prefix first asks: most posts are never checked against one. */
  private sortedLexemes: string[] | null = null;

  constructor(doc: MatchableDocument) {
    this.postings = concatTitleAndText(tsvectorOf(doc.title ?? ''), tsvectorOf(doc.text));
    const lowerText = doc.text.includes('#') || doc.text.includes('@') ? pgLower(doc.text) : '';
    this.hashtags = lowerText ? hashtagsIn(lowerText) : NONE;
    this.mentions = lowerText ? mentionsIn(lowerText) : NONE;
    this.authorHandle = lowerOrNull(doc.authorHandle)?.replace(/^@+/, '') ?? null;
    this.authorName = doc.authorName ?? null;
    this.host = hostOf(doc.url ?? null);
    this.source = doc.source ?? null;
    this.language = lowerOrNull(doc.language)?.replace(/_/g, '-') ?? null;
    this.platform = lowerOrNull(doc.platform);
  }

  /** The lexemes of the document that start with `prefix` (binary search over the sorted lexemes). */
  lexemesWithPrefix(prefix: string): string[] {
    const lexemes = (this.sortedLexemes ??= [...this.postings.keys()].sort());
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
  }
}

const MAX_PREFIX_KEY = 200;

export const prepareDocument = (doc: MatchableDocument): PreparedDocument => new PreparedDocument(doc);

/**
 * The keys under which a rule index (see requiredTerms) finds the rules that may match this document:
 * every lexeme, every prefix of a lexeme followed by "*", "#tag" and "@handle".
 */
export const documentKeys = (doc: PreparedDocument): Set<string> => {
  const keys = new Set<string>();
  for (const lexeme of doc.postings.keys()) {
    keys.add(lexeme);
    // A rule's prefix is at most a 200-character word, so longer prefixes of a long URL are never keys.
    const longest = Math.min(lexeme.length, MAX_PREFIX_KEY);
    for (let end = 1; end <= longest; end++) keys.add(`${lexeme.slice(0, end)}*`);
  }
  for (const tag of doc.hashtags) keys.add(`#${tag}`);
  for (const handle of doc.mentions) keys.add(`@${handle}`);
  return keys;
};
