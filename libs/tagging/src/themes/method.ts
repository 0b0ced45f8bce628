import { CO_OCCURRENCE, MIN_THEME_POSTS, SEED_CAP, SEED_CAP_FROM } from './grouping';

/** The themes method in plain words, for the API's `method` and the impact report's method section. */
export const THEMES_METHOD = [
  'On-topic posts are the public posts in conversations where the department’s listening rules found an ' +
    'opportunity for it (retired opportunities excluded), leaving out the department’s own posts (marked by the ' +
    'tagger or written from one of its accounts) and deleted posts. Each post is counted once, in the hour it was ' +
    'published.',
  'Each post’s keyphrases are its words that are not stop words, common conversation words, numbers or the ' +
    'department’s own names, and the pairs of such words written side by side; words are compared by their ' +
    'Snowball stem, so "appeal" and "appeals" are one keyphrase.',
  'Each department keeps a catalogue of themes. A new post joins the existing theme it fits best (it has the ' +
    'theme’s main phrase, another of its two-word phrases, or two of its keyphrases); only posts that fit no theme ' +
    `make new ones: the keyphrase most of them share (a two-word phrase counting double) becomes a theme when at least ${MIN_THEME_POSTS} ` +
    `posts share it, with the keyphrases found in at least ${CO_OCCURRENCE * 100}% of those posts (a keyphrase in ` +
    `more than ${SEED_CAP * 100}% of ${SEED_CAP_FROM} or more such posts is what they all share, not a theme, and ` +
    'starts none). A theme keeps its ' +
    'id and its label for good, so its share can be compared between periods; posts that fit no theme are ' +
    'tried again when new themes are made.',
  'A theme’s label is its main keyphrase as the posts most often wrote it. Its share is its posts divided by all ' +
    'on-topic posts in the period, as a percentage, and its change is in percentage points against the comparison ' +
    'period. The same posts always give the same themes. The excerpt is the post that fits the theme best, with ' +
    'email addresses, phone, National Insurance and reference numbers, handles and people’s names removed.',
].join(' ');
