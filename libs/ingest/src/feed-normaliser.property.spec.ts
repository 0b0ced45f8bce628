import { isDomainError, type NormalisedFeed } from '@parley/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseFeed } from './feed-normaliser';

// Bounded so the unit project stays fast; a failure prints the seed and path that replay it (fc.assert's report).
const RUNS = { numRuns: 300 };
const context = { sourceUrl: 'https://blog.example.gov.uk/feed.xml' };

type Outcome = { feed: NormalisedFeed } | { refused: string };

/** The normaliser's whole contract on any input: a feed, or DomainError('parse_failed'); anything else is thrown. */
const outcome = (body: Buffer | string): Outcome => {
  try {
    return { feed: normaliseFeed(body, context) };
  } catch (error) {
    if (isDomainError(error) && error.code === 'parse_failed') return { refused: error.message };
    throw error;
  }
};

// Pieces of RSS, Atom, RDF and JSON feeds, and of the markup that breaks them, shuffled into XML-ish documents.
const FRAGMENTS = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
  '</rss>',
  '<channel>',
  '</channel>',
  '<feed xmlns="http://www.w3.org/2005/Atom">',
  '</feed>',
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">',
  '</rdf:RDF>',
  '<item>',
  '</item>',
  '<entry>',
  '</entry>',
  '<title>',
  '</title>',
  '<guid isPermaLink="false">',
  '</guid>',
  '<link>https://blog.example.gov.uk/post</link>',
  '<link href="/relative"/>',
  '<description>',
  '</description>',
  '<content:encoded>',
  '</content:encoded>',
  '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">',
  '</div></content>',
  '<pubDate>Tue, 06 Jan 2026 09:30:00 GMT</pubDate>',
  '<published>2026-01-06T11:00:00+01:00</published>',
  '<wfw:commentRss>https://blog.example.gov.uk/post/feed</wfw:commentRss>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<!DOCTYPE rss [',
  '<!ENTITY e "boom">',
  ']>',
  '<?pi <x> ?>',
  '&amp;',
  '&e;',
  '&#x1F600;',
  '<b>',
  '</b>',
  '<br>',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '<',
  '>',
  '"',
  '\u0000',
  '\uFEFF',
  '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_html":"<p>x</p>"}',
  ']}',
];
const xmlish = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

const inputs = {
  'arbitrary bytes': fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
  'arbitrary strings': fc.string({ unit: 'binary', maxLength: 256 }),
  'XML-ish documents built from feed fragments': xmlish,
} satisfies Record<string, fc.Arbitrary<Buffer | string>>;

describe.each(Object.entries(inputs))(
  'normaliseFeed on %s',
  (_name, input: fc.Arbitrary<Buffer | string>) => {
    it('returns a feed or refuses with parse_failed, and never throws anything else', () => {
      fc.assert(
        fc.property(input, (body) => {
          outcome(body);
        }),
        RUNS,
      );
    });

    it('gives the same outcome every time it reads the same input', () => {
      fc.assert(
        fc.property(input, (body) => {
          expect(outcome(body)).toEqual(outcome(body));
        }),
        RUNS,
      );
    });
  },
);

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
// A description is HTML, so plain text goes into one escaped as HTML too (then as XML).
const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Words with markup-like and entity-like characters in them: what a normalised title or text may hold.
const WORD_PARTS = ['a', 'b', '<', '>', '&', '"', "'", '&amp;', '&lt;i&gt;', 'é', '😀', ' ', '\n'];
const words = (parts: string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...parts), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 12 })
    .map((chosen) => chosen.join(''));
// An RSS title is plain text by the spec yet often HTML in practice, so one that reads as a tag (a literal "<i>")
// is read as markup and dropped: titles are generated without "<", the one departure from stability.
const title = words(WORD_PARTS.filter((part) => part !== '<')).filter((text) => !text.includes('<'));

type Fields = { externalId: string; title: string | null; text: string };
const itemOf = (post: Fields): string =>
  `<item><guid isPermaLink="false">${escapeXml(post.externalId)}</guid>` +
  (post.title === null ? '' : `<title>${escapeXml(post.title)}</title>`) +
  `<description>${escapeXml(escapeHtml(post.text))}</description></item>`;
const rss = (items: string[]): string =>
  `<rss version="2.0"><channel><title>Stable</title>${items.join('')}</channel></rss>`;
const fields = (posts: Fields[]): Fields[] =>
  posts.map(({ externalId, title, text }) => ({ externalId, title, text }));

describe('normaliseFeed on its own output', () => {
  it("reads back a normalised item's id, title and text unchanged", () => {
    const item = fc.record({ externalId: words(WORD_PARTS), title, text: words(WORD_PARTS) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 3 }), (items) => {
        const once = normaliseFeed(rss(items.map(itemOf)), context).posts;
        const twice = normaliseFeed(rss(once.map(itemOf)), context).posts;
        expect(fields(twice)).toEqual(fields(once));
      }),
      // Each run parses two feeds through the sanitiser: fewer runs keep this as quick as the others.
      { numRuns: 150 },
    );
  });
});
