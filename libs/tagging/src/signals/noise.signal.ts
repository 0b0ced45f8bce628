import type { Signal } from '@parley/domain';
import { SIGNAL_WEIGHTS } from './score';
import { postText, publicPosts, type ThreadFacts, type ThreadPostFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.noise;
/** `label` reads in a sentence ("looks like a giveaway"); `spam` patterns mean nobody is asking anything. */
type NoisePattern = {
  name: string;
  label: string;
  weight: number;
  spam: boolean;
  find: (text: string) => string | null;
};

const byRegex =
  (pattern: RegExp) =>
  (text: string): string | null =>
    pattern.exec(text)?.[0] ?? null;

const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
export const NOISE = { manyLinks: 3, shoutingMinLetters: 20, shoutingShare: 0.7 } as const;

const manyLinks = (text: string): string | null => {
  const links = text.match(URL) ?? [];
  return links.length >= NOISE.manyLinks ? `${links.length} links` : null;
};

/** Mostly capital letters over a real stretch of text; a single acronym is not shouting. */
const shouting = (text: string): string | null => {
  const letters = text.replace(URL, '').match(/\p{L}/gu) ?? [];
  if (letters.length < NOISE.shoutingMinLetters) return null;
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  return upper / letters.length >= NOISE.shoutingShare ? 'mostly capitals' : null;
};

// Policy talk says "tax giveaway", "competition law" and "crypto regulation", so the patterns need marketing cues.
const GIVEAWAY = /#giveaway\b|(?<!\b(?:tax|budget|election|cash|spending|pension)\s+)\bgive\s?aways?\b/i;
const COMPETITION =
  /#(?:competition|comp|win)\b|\b(?:enter (?:our|the|this) competition|competition time|chance to win|enter to win|prize draw|win (?:a|an) (?:free|brand[- ]new)|win £\d)/i;
const FOLLOW_RETWEET = /\b(?:follow|like)\s*(?:&|and|\+)\s*(?:retweet|rt|share|repost|boost)\b/i;
const MONEY_SCAM =
  /\b(?:airdrop|guaranteed (?:returns?|profits?)|(?:dm|whatsapp|message) me (?:for|to)|(?:crypto|bitcoin|forex) (?:signals|trading tips|investment opportunit\w+))\b/i;
const PROMO_CODE =
  /\b(?:promo|discount|voucher|coupon)\s+codes?\b|\buse code\s+[A-Z0-9]{3,}\b|\b\d{1,2}% off\b/i;

export const NOISE_PATTERNS: NoisePattern[] = [
  { name: 'giveaway', label: 'a giveaway', weight: W.spam, spam: true, find: byRegex(GIVEAWAY) },
  { name: 'competition', label: 'a competition', weight: W.spam, spam: true, find: byRegex(COMPETITION) },
  {
    name: 'follow & retweet',
    label: 'an engagement-bait post',
    weight: W.spam,
    spam: true,
    find: byRegex(FOLLOW_RETWEET),
  },
  {
    name: 'crypto or money scam',
    label: 'a money scam',
    weight: W.spam,
    spam: true,
    find: byRegex(MONEY_SCAM),
  },
  { name: 'promo code', label: 'a promotion', weight: W.spam, spam: true, find: byRegex(PROMO_CODE) },
  { name: 'many links', label: 'link spam', weight: W.manyLinks, spam: true, find: manyLinks },
  // Angry people shout too, and an angry question still needs an answer: this only dents the score.
  { name: 'shouting', label: 'shouting', weight: W.shouting, spam: false, find: shouting },
];

export type NoiseHit = { name: string; label: string; weight: number; spam: boolean; matched: string };
export type NoiseFinding = { hits: NoiseHit[]; weight: number; spam: boolean; label: string };

export const noiseIn = (post: ThreadPostFacts): NoiseHit[] =>
  NOISE_PATTERNS.flatMap(({ find, ...pattern }) => {
    const matched = find(postText(post));
    return matched === null ? [] : [{ ...pattern, matched }];
  });

const firstOfEach = (hits: NoiseHit[]): NoiseHit[] =>
  hits.filter((h, i) => hits.findIndex((other) => other.name === h.name) === i);

/**
 * A thread is noise when its opening public post is, or when most public posts are: one spam reply under a
 * real question must not bury the question. Patterns are reported once each, strongest first.
 */
export const findNoise = (facts: ThreadFacts): NoiseFinding | null => {
  const perPost = publicPosts(facts).map(noiseIn);
  const noisy = perPost.filter((h) => h.length > 0).length;
  if (perPost.length === 0 || (perPost[0].length === 0 && noisy * 2 < perPost.length)) return null;
  const hits = firstOfEach(perPost.flat()).sort((a, b) => a.weight - b.weight);
  return { hits, weight: hits[0].weight, spam: hits.some((h) => h.spam), label: hits[0].label };
};

export const noiseSignal = (finding: NoiseFinding | null): Signal | null =>
  finding && {
    kind: 'noise',
    detail: finding.hits.map((h) => `${h.name} ("${h.matched}")`).join('; '),
    weight: finding.weight,
  };
