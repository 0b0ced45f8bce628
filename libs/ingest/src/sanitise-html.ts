import sanitize from 'sanitize-html';

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

// Block boundaries become spaces before tags are stripped, so "<p>a</p><p>b</p>" reads "a b", not "ab".
const BLOCK_BOUNDARY =
  /<\/?(?:p|br|div|li|ul|ol|h[1-6]|blockquote|pre|tr|td|th|table|section|article|header|footer|hr)\b[^>]*>/gi;

// sanitize-html escapes exactly these in text it emits; everything else it has already decoded.
const ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** Keeps a small, safe subset of HTML: text structure and http(s)/mailto links marked nofollow. */
export const sanitiseHtml = (html: string): string => sanitize(html, SAFE_HTML).trim();

/** Plain text of an HTML fragment: tags and scripts gone, entities decoded, whitespace collapsed. */
export const htmlToText = (html: string): string =>
  sanitize(html.replace(BLOCK_BOUNDARY, ' $&'), NO_HTML)
    .replace(/&(?:amp|lt|gt|quot);/g, (escape) => ESCAPES[escape])
    .replace(/\s+/g, ' ')
    .trim();
