import type { SentimentLabel } from '@parley/domain';
import { EMOJIS, VADER_WORDS } from './lexicon';

/** `score`: VADER's compound score, −1 (most negative) … +1 (most positive). */
export type SentimentResult = { label: SentimentLabel; score: number };

/** Stored beside every classified post, so a change of rules is visible and old labels can be re-run. */
export const CLASSIFIER_VERSION = 'vader-rules-1';

/**
 * VADER's constants, as published (Hutto & Gilbert 2014, and the reference implementation): the empirically
 * derived effect of a booster word, of ALL CAPS, of a negation, and the compound score's labelling thresholds.
 * None is tuned here: there is no tweet benchmark on this machine to tune against honestly.
 */
const BOOST = 0.293;
const CAPS = 0.733;
const NEGATE = -0.74;
const NEUTRAL_BAND = 0.05;
const NORMALISE_ALPHA = 15;

const BOOSTERS = new Map<string, number>([
  ...[
    'absolutely',
    'amazingly',
    'awfully',
    'completely',
    'considerably',
    'decidedly',
    'deeply',
    'effing',
    'enormously',
    'entirely',
    'especially',
    'exceptionally',
    'extremely',
    'fabulously',
    'flipping',
    'flippin',
    'fricking',
    'frickin',
    'frigging',
    'friggin',
    'fully',
    'fucking',
    'greatly',
    'hella',
    'highly',
    'hugely',
    'incredibly',
    'intensely',
    'majorly',
    'more',
    'most',
    'particularly',
    'purely',
    'quite',
    'really',
    'remarkably',
    'so',
    'substantially',
    'thoroughly',
    'totally',
    'tremendously',
    'uber',
    'unbelievably',
    'unusually',
    'utterly',
    'very',
    'bloody',
    'proper',
  ].map((w): [string, number] => [w, BOOST]),
  ...[
    'almost',
    'barely',
    'hardly',
    'kinda',
    'kindof',
    'less',
    'little',
    'marginally',
    'occasionally',
    'partly',
    'scarcely',
    'slightly',
    'somewhat',
    'sorta',
    'sortof',
    'bit',
  ].map((w): [string, number] => [w, -BOOST]),
]);

const NEGATIONS = new Set([
  'aint',
  'arent',
  'cannot',
  'cant',
  'couldnt',
  'darent',
  'didnt',
  'doesnt',
  'dont',
  'hadnt',
  'hasnt',
  'havent',
  'isnt',
  'mightnt',
  'mustnt',
  'neither',
  'neednt',
  'never',
  'none',
  'nope',
  'nor',
  'not',
  'nothing',
  'nowhere',
  'oughtnt',
  'shant',
  'shouldnt',
  'uhuh',
  'wasnt',
  'werent',
  'without',
  'wont',
  'wouldnt',
  'rarely',
  'seldom',
  'despite',
  'no',
]);

/**
 * "like" praises only as a verb: after a subject, an auxiliary or a degree word ("I like", "would like", "really
 * like", "don't like"). Everywhere else on social media it is a preposition or a filler ("looks like rain",
 * "it's like, closed"), which AFINN and VADER both read as praise.
 */
const BEFORE_LIKE_AS_VERB = new Set([
  'i',
  'we',
  'you',
  'they',
  'u',
  'ya',
  'id',
  'wed',
  'youd',
  'theyd',
  'would',
  'do',
  'does',
  'did',
  'dont',
  'didnt',
  'doesnt',
  'really',
  'also',
  'just',
  'totally',
  'actually',
  'genuinely',
  'still',
  'who',
  'people',
  'to',
  'folks',
  'kids',
  'everyone',
  'everybody',
  'definitely',
  'so',
  'quite',
  'not',
  'rather',
  'might',
  'may',
]);

const URL_OR_MENTION = /^(?:https?:\/\/|www\.|@)/i;
const EMOJI = /(\p{Extended_Pictographic}\uFE0F?)/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const HAS_LETTER = /\p{L}/u;

type Token = { raw: string; word: string; caps: boolean };

/**
 * Whitespace tokens with emoji split out; links and @handles dropped (a handle like @HappyCouncil is a name, not
 * praise); a hashtag's `#` removed; edge punctuation stripped unless the token is an emoticon VADER knows (":-(").
 * `word` is lower case with apostrophes removed, so "don't", "don’t" and "dont" are one negation.
 */
const tokenise = (text: string): Token[] => {
  const tokens: Token[] = [];
  for (const chunk of text.split(/\s+/)) {
    if (!chunk || URL_OR_MENTION.test(chunk)) continue;
    for (const part of chunk.split(EMOJI)) {
      if (!part) continue;
      const emoji = EMOJIS.has(part) || EMOJIS.has(part.replace('\uFE0F', ''));
      const lower = part.toLowerCase();
      if (emoji || VADER_WORDS.has(lower)) {
        const caps = !emoji && HAS_LETTER.test(part) && part === part.toUpperCase();
        tokens.push({ raw: part, word: emoji ? part.replace('\uFE0F', '') : lower, caps });
        continue;
      }
      const stripped = part.replace(EDGE_PUNCTUATION, '');
      if (stripped.length < 2 && !/^\p{N}$/u.test(stripped) && stripped.toLowerCase() !== 'i') continue;
      const word = stripped.toLowerCase().replace(/['’]/g, '');
      tokens.push({
        raw: stripped,
        word,
        caps: HAS_LETTER.test(stripped) && stripped === stripped.toUpperCase(),
      });
    }
  }
  return tokens;
};

const valenceOf = (word: string): number | undefined => VADER_WORDS.get(word) ?? EMOJIS.get(word);

const capsEmphasis = (token: Token, valence: number, shouting: boolean): number =>
  shouting && token.caps ? Math.sign(valence) * CAPS : 0;

/** One token's valence after the three words before it: boosters (fading with distance), negations, caps. */
const tokenValence = (tokens: Token[], i: number, shouting: boolean): number => {
  const token = tokens[i];
  if (BOOSTERS.has(token.word)) return 0;
  if (token.word === 'like' && !BEFORE_LIKE_AS_VERB.has(tokens[i - 1]?.word ?? '')) return 0;
  let valence = valenceOf(token.word);
  if (valence === undefined) return 0;
  // "no" before a rated word negates it rather than counting as negative itself ("no problem").
  if (token.word === 'no' && tokens[i + 1] && valenceOf(tokens[i + 1].word) !== undefined) return 0;
  valence += capsEmphasis(token, valence, shouting);
  for (let back = 1; back <= 3 && i - back >= 0; back++) {
    const before = tokens[i - back];
    if (valenceOf(before.word) !== undefined && before.word !== 'no') continue;
    const boost = BOOSTERS.get(before.word);
    if (boost !== undefined) {
      const fade = back === 1 ? 1 : back === 2 ? 0.95 : 0.9;
      valence += (Math.sign(valence) * boost + capsEmphasis(before, valence, shouting)) * fade;
    }
    // "never so good" intensifies; "without doubt" is not a negation.
    if (back === 2 && before.word === 'never' && ['so', 'this'].includes(tokens[i - 1].word)) valence *= 1.25;
    else if (back === 2 && before.word === 'without' && tokens[i - 1].word === 'doubt') continue;
    else if (NEGATIONS.has(before.word)) valence *= NEGATE;
  }
  return valence;
};

/** "!" adds emphasis (up to four), and several "?" too, in the direction the words already lean. */
const punctuationEmphasis = (text: string): number => {
  const bangs = Math.min((text.match(/!/g) ?? []).length, 4) * 0.292;
  const questions = (text.match(/\?/g) ?? []).length;
  return bangs + (questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0);
};

/**
 * A three-class reading of a short social post: VADER's rules (Hutto & Gilbert 2014) over its lexicon and emoji
 * scores, with "like" read as praise only when it is a verb. Pure and allocation-light: about a microsecond per
 * word, so a worker can classify a backlog in its roll-up job without touching ingest.
 */
export const classifySentiment = (text: string): SentimentResult => {
  const tokens = tokenise(text);
  const shouting = tokens.some((t) => t.caps) && tokens.some((t) => HAS_LETTER.test(t.raw) && !t.caps);
  const valences = tokens.map((_, i) => tokenValence(tokens, i, shouting));
  // What follows "but" carries the post: the clause before it counts half, the one after one and a half times.
  const but = tokens.findIndex((t) => t.word === 'but');
  let sum = 0;
  for (let i = 0; i < valences.length; i++) {
    sum += but < 0 || i === but ? valences[i] : valences[i] * (i < but ? 0.5 : 1.5);
  }
  if (sum !== 0) sum += Math.sign(sum) * punctuationEmphasis(text);
  const compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + NORMALISE_ALPHA)));
  const score = Math.round(compound * 10_000) / 10_000;
  const label: SentimentLabel =
    score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
  return { label, score };
};
