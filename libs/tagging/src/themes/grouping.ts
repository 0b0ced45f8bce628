import { wordsIn, type Keyphrase } from './keyphrases';

/** A theme of a department's catalogue: `key` (its seed keyphrase's stems) names it for good. */
export type ThemeDefinition = { key: string; label: string; keyphrases: Keyphrase[] };
/** A post to place: its id (a bigint, as text) and its keyphrases. */
export type PostKeyphrases = { id: string; keyphrases: Keyphrase[] };
export type NewTheme = ThemeDefinition & { representativePostId: string; posts: number };
export type Grouping = {
  /** Each post's theme key, or null when it fits no theme yet. */
  assigned: Map<string, string | null>;
  /** Themes made from posts that fitted none, in the order made. */
  created: NewTheme[];
};

/** A new theme needs at least this many posts sharing its seed: fewer is an anecdote, not a theme. */
export const MIN_THEME_POSTS = 3;
/** A keyphrase joins a new theme when at least this share of the theme's posts have it too. */
export const CO_OCCURRENCE = 0.5;
/**
 * Among at least SEED_CAP_FROM posts, a keyphrase more than SEED_CAP of them share says what they all have in
 * common ("worried", the topic itself), not one theme among them: it never seeds a theme (it may still join one).
 */
export const SEED_CAP = 0.5;
export const SEED_CAP_FROM = 30;
/** Keyphrases kept per theme (its seed first). */
export const MAX_KEYPHRASES = 8;

const byId = (a: { id: string }, b: { id: string }) =>
  a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * How well a post fits a theme: the number of the theme's keyphrases it has, counting the seed twice; 0 when it
 * does not fit at all. A post fits when it has the seed, another two-word keyphrase of the theme, or any two of the
 * theme's keyphrases (one shared word alone is too weak: "appeal" is in parking and exam posts alike).
 */
export const fit = (keys: ReadonlySet<string>, theme: ThemeDefinition): number => {
  let matched = 0;
  let phrase = false;
  for (const { key } of theme.keyphrases) {
    if (!keys.has(key)) continue;
    matched++;
    if (wordsIn(key) > 1) phrase = true;
  }
  const seed = keys.has(theme.key);
  if (!seed && !phrase && matched < 2) return 0;
  return matched + (seed ? 1 : 0);
};

/** The theme a post fits best, earlier themes winning ties (so a theme's posts do not drift to a newer one). */
const bestTheme = (keys: ReadonlySet<string>, themes: readonly ThemeDefinition[]): string | null => {
  let best: string | null = null;
  let bestFit = 0;
  for (const theme of themes) {
    const f = fit(keys, theme);
    if (f > bestFit) [best, bestFit] = [theme.key, f];
  }
  return best;
};

/**
 * Places posts in a department's themes. Every post is first offered to the existing catalogue (in its order);
 * only posts that fit none are grouped into new themes: repeatedly, the keyphrase most of them share (a two-word
 * phrase weighing twice a single word) becomes a theme's seed when at least MIN_THEME_POSTS posts have it, joined by
 * the keyphrases that co-occur with it in at least half of those posts; the posts that fit it join it, and the rest
 * go round again. Deterministic: posts are taken in id order and every tie is broken by the key's text.
 */
export const groupPosts = (
  themes: readonly ThemeDefinition[],
  posts: readonly PostKeyphrases[],
): Grouping => {
  const assigned = new Map<string, string | null>();
  const sorted = [...posts].sort(byId);
  const keysOf = new Map(sorted.map((p) => [p.id, new Set(p.keyphrases.map((k) => k.key))]));
  let remaining: PostKeyphrases[] = [];
  for (const post of sorted) {
    const theme = bestTheme(keysOf.get(post.id)!, themes);
    assigned.set(post.id, theme);
    if (theme === null) remaining.push(post);
  }
  const created: NewTheme[] = [];
  const taken = new Set(themes.map((t) => t.key));
  for (;;) {
    const seed = seedOf(remaining, keysOf, taken);
    if (seed === null) break;
    const members = remaining.filter((p) => keysOf.get(p.id)!.has(seed));
    const theme = themeFrom(seed, members);
    const joined = remaining.filter((p) => fit(keysOf.get(p.id)!, theme) > 0);
    for (const post of joined) assigned.set(post.id, theme.key);
    created.push({
      ...theme,
      representativePostId: representative(theme, joined, keysOf),
      posts: joined.length,
    });
    taken.add(seed);
    remaining = remaining.filter((p) => assigned.get(p.id) === null);
  }
  return { assigned, created };
};

/**
 * The keyphrase most remaining posts share, two-word phrases weighing double, short of one nearly all share; null
 * when none is shared enough.
 */
const seedOf = (
  posts: readonly PostKeyphrases[],
  keysOf: Map<string, Set<string>>,
  taken: ReadonlySet<string>,
): string | null => {
  const df = new Map<string, number>();
  for (const post of posts) for (const key of keysOf.get(post.id)!) df.set(key, (df.get(key) ?? 0) + 1);
  const most = posts.length >= SEED_CAP_FROM ? SEED_CAP * posts.length : Infinity;
  let best: string | null = null;
  let bestScore = 0;
  for (const [key, count] of df) {
    if (count < MIN_THEME_POSTS || count > most || taken.has(key)) continue;
    const score = count * Math.min(wordsIn(key), 2);
    if (score > bestScore || (score === bestScore && best !== null && key < best))
      [best, bestScore] = [key, score];
  }
  return best;
};

/**
 * A theme around a seed: the seed, then the keyphrases in at least CO_OCCURRENCE of its posts (most shared first),
 * leaving out the seed's own words (they say nothing the seed does not). Each keyphrase is shown in the form most
 * of the posts wrote it; the label is the seed's.
 */
const themeFrom = (seed: string, members: readonly PostKeyphrases[]): ThemeDefinition => {
  const count = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  for (const post of members) {
    for (const { key, text } of post.keyphrases) {
      count.set(key, (count.get(key) ?? 0) + 1);
      const written = forms.get(key) ?? new Map<string, number>();
      written.set(text, (written.get(text) ?? 0) + 1);
      forms.set(key, written);
    }
  }
  const seedWords = new Set(seed.split(' '));
  const needed = Math.max(2, Math.ceil(CO_OCCURRENCE * members.length));
  const others = [...count]
    .filter(([key, n]) => key !== seed && n >= needed && !(wordsIn(key) === 1 && seedWords.has(key)))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, MAX_KEYPHRASES - 1)
    .map(([key]) => key);
  const keyphrases = [seed, ...others].map((key) => ({ key, text: commonest(forms.get(key)!) }));
  return { key: seed, label: capitalise(labelOf(keyphrases, count, members.length)), keyphrases };
};

/** A pair that carries on the seed in nearly every post ("free school" → "school meals") makes its label longer. */
export const CHAINED = 0.8;

/**
 * The seed as written, carried on by one word when another two-word keyphrase of nearly all the theme's posts
 * begins where the seed ends: "Free school meals", not "Free school".
 */
const labelOf = (keyphrases: readonly Keyphrase[], count: Map<string, number>, posts: number): string => {
  const [seed, ...others] = keyphrases;
  const last = seed.key.split(' ').at(-1);
  if (wordsIn(seed.key) !== 2) return seed.text;
  const chain = others.find(
    (k) => wordsIn(k.key) === 2 && k.key.split(' ')[0] === last && count.get(k.key)! >= CHAINED * posts,
  );
  return chain ? `${seed.text} ${chain.text.split(/\s+/).slice(1).join(' ')}` : seed.text;
};

const commonest = (forms: Map<string, number>): string =>
  [...forms].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0][0];

const capitalise = (text: string): string => text[0].toUpperCase() + text.slice(1);

/** The post that fits the theme best (the lowest id among equals): the one quoted for it. */
const representative = (
  theme: ThemeDefinition,
  posts: readonly PostKeyphrases[],
  keysOf: Map<string, Set<string>>,
): string => {
  let best = posts[0];
  let bestFit = -1;
  for (const post of posts) {
    const f = fit(keysOf.get(post.id)!, theme);
    if (f > bestFit) [best, bestFit] = [post, f];
  }
  return best.id;
};
