import {
  compileMatcher,
  parseQuery,
  prepareDocument,
  requiredTerms,
  type CompiledMatcher,
  type MatchableDocument,
  type PreparedDocument,
} from './query';

export type RuleDefinition = {
  id: string;
  key: string;
  version: number;
  query: string;
  departmentId: string;
  department: string;
};
export type CompiledRule = RuleDefinition & { compiled: CompiledMatcher };
export type RuleMatch = { rule: CompiledRule; matchedTerms: string[] };

/**
 * A percolator: each rule is indexed under the keys (lexemes, prefixes, hashtags, mentions) at least one of which
 * a post must contain for it to match, so a post checks only the rules its own keys point to (plus the few rules
 * with no such key), and each candidate is then verified in full.
 */
export class RuleMatcher {
  private readonly byKey = new Map<string, CompiledRule[]>();
  /**
   * Prefix keys by length (`consult*` under 7 → "consult"), so a post offers only prefixes of its words of the
   * lengths rules use, without building a key string for each.
   */
  private readonly byPrefix = new Map<number, Map<string, CompiledRule[]>>();
  private readonly everyPost: CompiledRule[] = [];
  readonly problems: { key: string; message: string }[] = [];

  constructor(rules: RuleDefinition[]) {
    for (const rule of rules) this.add(rule);
  }

  get size(): number {
    const indexed = [...this.byKey.values(), ...[...this.byPrefix.values()].flatMap((m) => [...m.values()])];
    return new Set(indexed.flat()).size + this.everyPost.length;
  }

  private add(definition: RuleDefinition): void {
    try {
      const ast = parseQuery(definition.query);
      const rule = { ...definition, compiled: compileMatcher(ast) };
      const keys = requiredTerms(ast);
      if (!keys) return void this.everyPost.push(rule);
      for (const key of keys) {
        const prefix = key.endsWith('*') ? key.slice(0, -1) : null;
        const index = prefix === null ? this.byKey : this.prefixIndex(prefix.length);
        const entry = prefix ?? key;
        index.set(entry, [...(index.get(entry) ?? []), rule]);
      }
    } catch (error) {
      this.problems.push({ key: definition.key, message: (error as Error).message });
    }
  }

  private prefixIndex(length: number): Map<string, CompiledRule[]> {
    let index = this.byPrefix.get(length);
    if (!index) this.byPrefix.set(length, (index = new Map()));
    return index;
  }

  /** The rules whose keys the post offers (the keys documentKeys lists, limited to prefix lengths in use). */
  candidates(doc: PreparedDocument): Set<CompiledRule> {
    const found = new Set(this.everyPost);
    const offer = (rules: CompiledRule[] | undefined) => {
      if (rules) for (const rule of rules) found.add(rule);
    };
    for (const lexeme of doc.postings.keys()) {
      offer(this.byKey.get(lexeme));
      for (const [length, index] of this.byPrefix)
        if (lexeme.length >= length) offer(index.get(lexeme.slice(0, length)));
    }
    for (const tag of doc.hashtags) offer(this.byKey.get(`#${tag}`));
    for (const handle of doc.mentions) offer(this.byKey.get(`@${handle}`));
    return found;
  }

  match(input: MatchableDocument | string): RuleMatch[] {
    const doc = prepareDocument(typeof input === 'string' ? { text: input } : input);
    const matches: RuleMatch[] = [];
    for (const rule of this.candidates(doc)) {
      // Most candidates fail; only a match pays for collecting its evidence.
      if (rule.compiled.matches(doc)) matches.push({ rule, matchedTerms: rule.compiled.matchedTerms(doc) });
    }
    return matches;
  }
}
