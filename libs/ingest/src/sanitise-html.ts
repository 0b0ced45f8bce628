import { POST_LIMITS } from '@parley/domain';
import sanitize from 'sanitize-html';
import { boundNesting } from './html-nesting';

const LINK_REL = 'nofollow noopener noreferrer';

// Elements whose text is code or chrome, not prose: dropped with their content rather than unwrapped.
const NON_TEXT_TAGS = 'script style textarea option noscript iframe object embed template svg math';

const ALLOWED_TAGS = 'p br a strong em b i ul ol li blockquote code pre h1 h2 h3 h4 h5 h6';

const SAFE_HTML: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS.split(' '),
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  nonTextTags: NON_TEXT_TAGS.split(' '),
  transformTags: { a: sanitize.simpleTransform('a', { rel: LINK_REL }) },
};

const NO_HTML: sanitize.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  nonTextTags: NON_TEXT_TAGS.split(' '),
};

// sanitize-html escapes exactly these in text it emits; everything else it has already decoded.
const ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

// The work per field is bounded before parsing: at most this much markup is read, nested at most MAX_HTML_DEPTH.
const bounded = (html: string): string => html.slice(0, POST_LIMITS.htmlChars);

/**
 * Keeps a small, safe subset of HTML: text structure and http(s)/mailto links marked nofollow. Reads at most
 * POST_LIMITS.htmlChars of markup, and flattens nesting deeper than MAX_HTML_DEPTH to text.
 */
export const sanitiseHtml = (html: string): string => sanitize(boundNesting(bounded(html)), SAFE_HTML).trim();

/**
 * Plain text of an HTML fragment: tags and scripts gone, entities decoded, whitespace collapsed, block boundaries
 * read as spaces (so "<p>a</p><p>b</p>" reads "a b", not "ab"). Bounded as sanitiseHtml is.
 */
export const htmlToText = (html: string): string =>
  sanitize(boundNesting(bounded(html), { spaceBlocks: true }), NO_HTML)
    .replace(/&(?:amp|lt|gt|quot);/g, (escape) => ESCAPES[escape])
    .replace(/\s+/g, ' ')
    .trim();
