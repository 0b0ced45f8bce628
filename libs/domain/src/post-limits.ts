import type { NormalisedPost } from './post';

/**
 * The most Parley keeps of one post, and of one fetch. A publisher controls every field of a feed, so without caps
 * one item could make every inbox page megabytes long and one feed could store hundreds of thousands of posts.
 * - title 1,000 characters: a headline is under 200; a comment feed's title is sometimes the comment's opening.
 * - text 100,000 characters: about 15,000 words, longer than any blog post or comment people reply to.
 * - html 200,000 characters of markup for that text; sanitised HTML longer than that is dropped, the text kept.
 * - author 300 characters: names and handles, with room for "Name (organisation)".
 * - url 2,048 characters: what browsers and proxies reliably carry; a longer link is dropped, not cut, since a
 *   cut link goes somewhere else.
 * - 5,000 posts per fetch: feeds list their newest few hundred; a busy forum's page is a few thousand.
 */
export const POST_LIMITS = {
  titleChars: 1_000,
  textChars: 100_000,
  htmlChars: 200_000,
  authorChars: 300,
  urlChars: 2_048,
  postsPerFetch: 5_000,
} as const;

export type LimitedField = 'title' | 'text' | 'author' | 'link';

const clip = (value: string, max: number): string => {
  // Room for the ellipsis, and never half a surrogate pair: Postgres refuses the lone half left behind.
  const end = /[\uD800-\uDBFF]/.test(value[max - 2] ?? '') ? max - 2 : max - 1;
  return `${value.slice(0, end)}…`;
};

const capped = (value: string | null | undefined, max: number): string | null | undefined =>
  value && value.length > max ? clip(value, max) : value;

/** The post within POST_LIMITS, and which of its fields had to be cut (or, for links, dropped) to get there. */
export const limitPost = (post: NormalisedPost): { post: NormalisedPost; cut: LimitedField[] } => {
  const over = (value: string | null | undefined, max: number): boolean => (value?.length ?? 0) > max;
  const cut: LimitedField[] = [];
  if (over(post.title, POST_LIMITS.titleChars)) cut.push('title');
  if (over(post.text, POST_LIMITS.textChars) || over(post.html, POST_LIMITS.htmlChars)) cut.push('text');
  if (over(post.author.name, POST_LIMITS.authorChars) || over(post.author.handle, POST_LIMITS.authorChars))
    cut.push('author');
  const longLink = (url: string | null | undefined): boolean => over(url, POST_LIMITS.urlChars);
  if ([post.url, post.author.profileUrl, post.commentsFeedUrl].some(longLink)) cut.push('link');
  if (cut.length === 0) return { post, cut };
  const link = (url: string | null | undefined) => (longLink(url) ? null : url);
  return {
    post: {
      ...post,
      title: capped(post.title, POST_LIMITS.titleChars) ?? null,
      text: capped(post.text, POST_LIMITS.textChars) ?? '',
      html: over(post.html, POST_LIMITS.htmlChars) ? null : post.html,
      author: {
        ...post.author,
        name: capped(post.author.name, POST_LIMITS.authorChars) ?? null,
        handle: capped(post.author.handle, POST_LIMITS.authorChars) ?? null,
        ...(post.author.profileUrl !== undefined && { profileUrl: link(post.author.profileUrl) }),
      },
      url: link(post.url) ?? null,
      ...(post.commentsFeedUrl !== undefined && { commentsFeedUrl: link(post.commentsFeedUrl) }),
    },
    cut,
  };
};

const FIELD_WORDS: Record<LimitedField, string> = {
  title: `titles over ${POST_LIMITS.titleChars.toLocaleString('en-GB')} characters`,
  text: `text over ${POST_LIMITS.textChars.toLocaleString('en-GB')} characters`,
  author: `author names over ${POST_LIMITS.authorChars.toLocaleString('en-GB')} characters`,
  link: `links over ${POST_LIMITS.urlChars.toLocaleString('en-GB')} characters (dropped)`,
};

/** What a person reads on the source when posts were cut: how many, and which limits they hit. */
export const limitsWarning = (posts: number, fields: Iterable<LimitedField>): string | null => {
  const hit = [...new Set(fields)].map((field) => FIELD_WORDS[field]);
  if (posts === 0 || hit.length === 0) return null;
  const which = posts === 1 ? '1 post was' : `${posts.toLocaleString('en-GB')} posts were`;
  return `${which} cut to Parley's limits: ${hit.join(', ')}`;
};
