import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseFeed } from './feed-normaliser';

const context = { sourceUrl: 'https://blog.example.gov.uk/feed.xml' };

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Department blog</title>
    <link>https://blog.example.gov.uk/</link>
    <language>en-GB</language>
    <item>
      <title>Potholes &amp; you</title>
      <link>/2026/01/potholes</link>
      <guid isPermaLink="false">post-42</guid>
      <dc:creator>Jo Bloggs</dc:creator>
      <pubDate>Tue, 06 Jan 2026 09:30:00 GMT</pubDate>
      <description>Short summary</description>
      <content:encoded><![CDATA[<p>Report a <a href="https://www.gov.uk/report-pothole" onclick="x()">pothole</a>.</p><script>alert(1)</script>]]></content:encoded>
    </item>
    <item>
      <title>No guid here</title>
      <link>https://blog.example.gov.uk/2026/01/no-guid</link>
      <pubDate>not a date</pubDate>
    </item>
    <item>
      <title>Only a title</title>
      <pubDate>Wed, 07 Jan 2026 10:00:00 GMT</pubDate>
    </item>
    <item><description>Nothing to identify me by</description></item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="en">
  <title type="html">Comments on &lt;em&gt;Potholes&lt;/em&gt;</title>
  <link rel="alternate" href="https://blog.example.gov.uk/2026/01/potholes"/>
  <link rel="self" href="https://blog.example.gov.uk/2026/01/potholes/feed"/>
  <id>tag:blog.example.gov.uk,2026:comments</id>
  <updated>2026-01-06T12:00:00Z</updated>
  <author><name>Blog team</name></author>
  <entry>
    <id>tag:blog.example.gov.uk,2026:comment-7</id>
    <title>Comment by Sam</title>
    <link rel="alternate" href="#comment-7"/>
    <thr:in-reply-to ref="post-42"/>
    <author><name>Sam Smith</name></author>
    <published>2026-01-06T11:00:00+01:00</published>
    <updated>2026-01-06T11:05:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Where do I <b>report</b> one?</p></div></content>
  </entry>
  <entry>
    <id>tag:blog.example.gov.uk,2026:comment-8</id>
    <title>Plain</title>
    <updated>2026-01-06T11:30:00Z</updated>
    <content type="text">Fish &amp; chips &lt;b&gt;not bold&lt;/b&gt;</content>
  </entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Notes',
  home_page_url: 'https://notes.example.org/',
  language: 'cy',
  authors: [{ name: 'Feed Author' }],
  items: [
    {
      id: '1',
      url: 'https://notes.example.org/1',
      title: 'First',
      content_html: '<p>Hello <img src=x onerror=alert(1)>world</p>',
      date_published: '2026-01-02T03:04:05Z',
    },
    {
      id: '2',
      content_text: 'Just   text',
      authors: [{ name: 'Ann' }],
      date_modified: '2026-01-03T00:00:00Z',
      language: 'en',
    },
  ],
});

describe('normaliseFeed', () => {
  it('maps RSS 2.0 items', () => {
    const { feed, posts, errors } = normaliseFeed(Buffer.from(RSS), context);
    expect(feed).toEqual({ title: 'Department blog', link: 'https://blog.example.gov.uk/' });
    expect(posts[0]).toEqual({
      externalId: 'post-42',
      url: 'https://blog.example.gov.uk/2026/01/potholes',
      title: 'Potholes & you',
      author: { name: 'Jo Bloggs', handle: 'Jo Bloggs' },
      publishedAt: new Date('2026-01-06T09:30:00Z'),
      html: '<p>Report a <a href="https://www.gov.uk/report-pothole" rel="nofollow noopener noreferrer">pothole</a>.</p>',
      text: 'Report a pothole.',
      inReplyTo: null,
      language: 'en-GB',
      platform: 'web',
      kind: 'post',
      commentsFeedUrl: null,
    });
    expect(posts[1]).toMatchObject({
      externalId: 'https://blog.example.gov.uk/2026/01/no-guid',
      publishedAt: null,
      author: { name: null, handle: null },
    });
    expect(posts[2].externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(normaliseFeed(RSS, context).posts[2].externalId).toBe(posts[2].externalId);
    expect(posts[3]).toMatchObject({ title: null, url: null, text: 'Nothing to identify me by' });
    expect(posts[3].externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(posts).toHaveLength(4);
    expect(errors).toEqual([]);
  });

  it('maps Atom 1.0 entries', () => {
    const { feed, posts } = normaliseFeed(ATOM, context);
    expect(feed).toEqual({
      title: 'Comments on Potholes',
      link: 'https://blog.example.gov.uk/2026/01/potholes',
    });
    expect(posts[0]).toMatchObject({
      externalId: 'tag:blog.example.gov.uk,2026:comment-7',
      url: 'https://blog.example.gov.uk/2026/01/potholes#comment-7',
      author: { name: 'Sam Smith', handle: 'Sam Smith' },
      publishedAt: new Date('2026-01-06T10:00:00Z'),
      html: '<p>Where do I <b>report</b> one?</p>',
      text: 'Where do I report one?',
      inReplyTo: 'post-42',
      language: 'en',
    });
    expect(posts[1]).toMatchObject({
      author: { name: 'Blog team' },
      publishedAt: new Date('2026-01-06T11:30:00Z'),
      html: null,
      text: 'Fish & chips <b>not bold</b>',
    });
  });

  it('maps JSON Feed items', () => {
    const { feed, posts } = normaliseFeed(JSON_FEED, { sourceUrl: 'sample:notes.json' });
    expect(feed).toEqual({ title: 'Notes', link: 'https://notes.example.org/' });
    expect(posts[0]).toMatchObject({
      externalId: '1',
      html: '<p>Hello world</p>',
      text: 'Hello world',
      author: { name: 'Feed Author' },
      language: 'cy',
    });
    expect(posts[1]).toMatchObject({
      externalId: '2',
      url: null,
      html: null,
      text: 'Just text',
      author: { name: 'Ann' },
      language: 'en',
    });
    expect(posts[1].publishedAt).toEqual(new Date('2026-01-03T00:00:00Z'));
  });

  it('keeps only http(s) links', () => {
    const rss =
      '<rss version="2.0"><channel><item><title>x</title><link>javascript:alert(1)</link></item></channel></rss>';
    expect(normaliseFeed(rss, context).posts[0].url).toBeNull();
  });
});

describe('normaliseFeed decoding', () => {
  it('repairs invalid UTF-8 with replacement characters', () => {
    const bytes = Buffer.concat([
      Buffer.from('<rss version="2.0"><channel><item><title>caf'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('</title></item></channel></rss>'),
    ]);
    expect(normaliseFeed(bytes, context).posts[0].title).toBe('caf\uFFFD(\uFFFD');
  });

  it('honours the encoding in the XML declaration', () => {
    const latin1 = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item><title>caf\u00e9 \u00a3</title></item></channel></rss>',
      'latin1',
    );
    expect(normaliseFeed(latin1, context).posts[0].title).toBe('café £');
  });

  it('honours a UTF-16 byte order mark', () => {
    const doc =
      '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><item><title>\u0141\u00f3d\u017a</title></item></channel></rss>';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, 'utf16le')]);
    expect(normaliseFeed(utf16, context).posts[0].title).toBe('Łódź');
  });
});

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>`;

const ENTITY_USE =
  '<rss version="2.0"><channel><title>&e;</title><item><title>&e;</title></item></channel></rss>';
const behind = (prolog: string): string =>
  `<?xml version="1.0"?>${prolog}<!DOCTYPE rss [<!ENTITY e "boom">]>${ENTITY_USE}`;

const attempt = (body: string): string => {
  try {
    return JSON.stringify(normaliseFeed(body, context));
  } catch (error) {
    expect(error).toMatchObject({ code: 'parse_failed' });
    return (error as Error).message;
  }
};

describe('normaliseFeed refuses', () => {
  it('does not expand a billion-laughs document', () => {
    const outcome = attempt(BILLION_LAUGHS);
    expect(outcome).not.toContain('lollol');
    expect(outcome.length).toBeLessThan(1000);
  });

  it('does not read external entities', () => {
    expect(attempt(XXE)).not.toMatch(/root:/);
  });

  it.each([
    ['plain text', 'this is not a feed', /the content starts "this is not a feed"/],
    ['an HTML page', '<!DOCTYPE html><html><body>Hi</body></html>', /the content starts "<!DOCTYPE html>/],
    ['an empty body', '   ', /the body is empty/],
    ['random bytes', Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xfe]), /not an RSS, Atom, RDF or JSON feed/],
    ['JSON that is not a feed', '{"hello":"world"}', /not an RSS, Atom, RDF or JSON feed/],
    ['entity declarations', BILLION_LAUGHS, /declares XML entities/],
    // The guard once took the first "<name" as the root, so markup before the DOCTYPE hid its declarations.
    ['entity declarations behind a comment holding a tag', behind('<!-- <x> -->'), /declares XML entities/],
    ['entity declarations behind a processing instruction', behind('<?note <x> ?>'), /declares XML entities/],
    ['entity declarations behind a CDATA section', behind('<![CDATA[<x>]]>'), /declares XML entities/],
    ['entity declarations behind whitespace', behind('\uFEFF \n\t'), /declares XML entities/],
    [
      'entity declarations after a comment in the subset that holds "]>"',
      `<!DOCTYPE rss [<!-- ]> --><!ENTITY e "boom">]>${ENTITY_USE}`,
      /declares XML entities/,
    ],
    [
      'entity declarations after the root element',
      `<rss version="2.0"><!DOCTYPE rss [<!ENTITY e "boom">]><channel><title>&e;</title></channel></rss>`,
      /declares XML entities/,
    ],
    [
      'entity declarations after a CDATA section holding a comment opener',
      `<![CDATA[<!--]]><!DOCTYPE rss [<!ENTITY e "boom">]>${ENTITY_USE}`,
      /declares XML entities/,
    ],
    // Each of these once made a repair pass quadratic; they must be refused as quickly as any malformed document.
    [
      'thousands of unclosed XHTML bodies',
      `<rss xmlns:x="http://www.w3.org/1999/xhtml"><channel>${'<x:body>'.repeat(100_000)}`,
      /the document is malformed/,
    ],
    [
      'thousands of unclosed comments',
      `<rss><channel>${'<!--'.repeat(100_000)}`,
      /the document is malformed/,
    ],
    [
      'deep nesting closed by the wrong tags',
      `<rss><channel>${'<b>'.repeat(50_000)}${'</i>'.repeat(50_000)}</channel></rss>`,
      /the document is malformed/,
    ],
  ])('%s', (_name, body, message) => {
    expect(() => normaliseFeed(body, context)).toThrow(
      expect.objectContaining({ code: 'parse_failed', message: expect.stringMatching(message) }),
    );
  });
});

describe('normaliseFeed reads documents that only mention entity declarations', () => {
  it.each([
    ['in a comment before the root', '<!-- was: <!ENTITY e "boom"> -->'],
    ['in a processing instruction', '<?note <!ENTITY e "boom"> ?>'],
    [
      'in a public DOCTYPE without a subset',
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">',
    ],
    ['in a CDATA section of an item', ''],
  ])('%s', (_name, prolog) => {
    const body = RSS.replace(/^<\?xml[^>]*>/, prolog).replace(
      '<description>Short summary</description>',
      '<description><![CDATA[Write <!DOCTYPE x [<!ENTITY e "y">]> to declare one.]]></description>',
    );
    expect(normaliseFeed(body, context).posts).toHaveLength(4);
  });
});

const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'fixtures/feeds', name));
const fixtureContext = { sourceUrl: 'https://example.org/feed' };
const normaliseFixture = (name: string) => normaliseFeed(fixture(name), fixtureContext);

describe('normaliseFeed items without an identity', () => {
  it('keeps them under an id derived from their content, the same on every fetch', () => {
    const { posts, errors } = normaliseFixture('no-identity.rss.xml');
    expect(posts.map((post) => post.text)).toEqual([
      'Bin collections move to Tuesday next week.',
      'The library reopens on Saturday.',
      'Bin collections move to Tuesday next week.',
      '',
    ]);
    const ids = posts.map((post) => post.externalId);
    for (const id of ids) expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The same text on another day is another notice; an author and a date alone still tell items apart.
    expect(new Set(ids).size).toBe(4);
    expect(normaliseFixture('no-identity.rss.xml').posts.map((post) => post.externalId)).toEqual(ids);
    expect(errors).toEqual(['item 5 has no id, link, title, text, date or author; skipped']);
  });

  it('gives an item the same id wherever it sits in the feed', () => {
    const text = fixture('no-identity.rss.xml').toString('utf8');
    const items = text.match(/<item>[\s\S]*?<\/item>/g) ?? [];
    const reordered = text.replace(items.join('\n    '), items.toReversed().join('\n    '));
    expect(reordered).not.toBe(text);
    const ids = (body: string) => normaliseFeed(body, fixtureContext).posts.map((post) => post.externalId);
    expect(ids(text)).toHaveLength(4);
    expect(new Set(ids(reordered))).toEqual(new Set(ids(text)));
  });
});

describe('normaliseFeed quirks', () => {
  it('takes a permalink guid as the link when there is no <link>', () => {
    expect(
      normaliseFixture('permalink-guid.rss.xml').posts.map((post) => [post.externalId, post.url]),
    ).toEqual([
      ['https://press.example.gov.uk/2026/01/permalink', 'https://press.example.gov.uk/2026/01/permalink'],
      ['https://press.example.gov.uk/2026/01/said', 'https://press.example.gov.uk/2026/01/said'],
      ['https://press.example.gov.uk/?p=3', null],
      ['press-4', null],
      ['https://press.example.gov.uk/?p=5', 'https://press.example.gov.uk/2026/01/link'],
    ]);
  });

  it('decodes base64 Atom content and titles that are text, and ignores binary', () => {
    const { posts } = normaliseFixture('base64-content.atom.xml');
    expect(posts.map((post) => [post.title, post.text, post.html])).toEqual([
      ['Base64 text', 'Report a pothole on GOV.UK.', null],
      ['An image is not prose', '', null],
      ['A base64 title', '', null],
    ]);
  });

  it('decodes Atom 0.3 constructs marked mode="base64"', () => {
    const { feed, posts } = normaliseFixture('base64-content.atom03.xml');
    expect(feed.title).toBe('Encoded feed');
    expect(posts[0]).toMatchObject({
      title: 'Entry Title',
      html: '<p>Entry <b>Content</b></p>',
      text: 'Entry Content',
      publishedAt: new Date('2004-01-01T10:00:00Z'),
    });
    expect(posts[1]).toMatchObject({ title: null, text: 'Entry Summary' });
  });

  it('reads an inline XHTML body, prefixed or in the default namespace', () => {
    const { posts } = normaliseFixture('xhtml-body.rss.xml');
    expect(posts.map((post) => [post.html, post.text])).toEqual([
      [
        '<p>Apply for a <a href="https://www.gov.uk/apply-passport" rel="nofollow noopener noreferrer">passport</a> &amp; renew it.</p>',
        'Apply for a passport & renew it.',
      ],
      ['<p>Check <em>before</em> you travel.</p>', 'Check before you travel.'],
    ]);
  });

  it('prefers content:encoded to the description, and keeps an item with only a body', () => {
    const { posts } = normaliseFixture('content-encoded.rss.xml');
    expect(posts.map((post) => [post.externalId, post.title, post.text])).toEqual([
      ['full-1', 'Full text wins', 'The whole post.'],
      ['full-2', null, 'A body and no title.'],
    ]);
  });

  it('reads dates with named zones, and leaves an ambiguous zone unread', () => {
    const dates = normaliseFixture('named-zones.rss.xml').posts.map((post) => [
      post.externalId,
      post.publishedAt?.toISOString() ?? null,
    ]);
    expect(dates).toEqual([
      ['est', '2003-06-10T09:00:00.000Z'],
      ['pdt', '2003-06-10T11:00:00.000Z'],
      ['met', '2003-06-10T03:00:00.000Z'],
      ['cest', '2003-06-10T02:00:00.000Z'],
      ['bst', '2003-06-10T03:00:00.000Z'],
      ['jst-bracketed', '2003-06-09T19:00:00.000Z'],
      ['ist-ambiguous', null],
    ]);
  });

  it('reads dc:author as the author, without the email', () => {
    expect(normaliseFixture('dc-author.rss.xml').posts[0].author).toEqual({
      name: 'Jo Bloggs',
      handle: 'Jo Bloggs',
    });
  });
});

// A BOM-less document in each wide encoding, as the bytes a server would send.
const utf32 = (text: string, littleEndian: boolean): Buffer => {
  const codePoints = [...text].map((char) => char.codePointAt(0) ?? 0);
  const bytes = Buffer.alloc(codePoints.length * 4);
  codePoints.forEach((code, i) =>
    littleEndian ? bytes.writeUInt32LE(code, i * 4) : bytes.writeUInt32BE(code, i * 4),
  );
  return bytes;
};
const WIDE_DOC =
  '<?xml version="1.0"?><rss version="2.0"><channel><item><title>\u0141\u00f3d\u017a \u{1F600}</title></item></channel></rss>';

describe('normaliseFeed wide encodings without a BOM', () => {
  it.each([
    ['UTF-16LE', Buffer.from(WIDE_DOC, 'utf16le')],
    ['UTF-16BE', Buffer.from(WIDE_DOC, 'utf16le').swap16()],
    ['UTF-32LE', utf32(WIDE_DOC, true)],
    ['UTF-32BE', utf32(WIDE_DOC, false)],
    ['UTF-32BE with a BOM', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(WIDE_DOC, false)])],
    ['UTF-32LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(WIDE_DOC, true)])],
  ])('%s', (_name, body) => {
    expect(normaliseFeed(body, context).posts[0].title).toBe('Łódź 😀');
  });
});

describe('normaliseFeed control characters', () => {
  // Postgres refuses NUL in text, so one such byte would fail the whole store; XML forbids them all anyway.
  it.each([
    [
      'RSS',
      '<rss version="2.0"><channel><item><guid>id\u0000-1</guid><title>ab\u0008cd</title><description>x\u0000y</description></item></channel></rss>',
    ],
    [
      'JSON Feed',
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        items: [{ id: 'id\u0000-1', title: 'ab\u0008cd', content_text: 'x\u0000y' }],
      }),
    ],
  ])('drops them from %s items', (_name, body) => {
    expect(normaliseFeed(body, context).posts[0]).toMatchObject({
      externalId: 'id-1',
      title: 'abcd',
      text: 'xy',
    });
  });
});

describe('normaliseFeed recovering a broken document', () => {
  it('reads a cut-off document up to its last whole item, and says so', () => {
    const { feed, posts, recovered } = normaliseFixture('truncated.rss.xml');
    expect(feed.title).toBe('Cut off');
    expect(posts.map((post) => [post.externalId, post.text])).toEqual([
      ['cut-1', 'Whole.'],
      ['cut-2', 'Whole, with in its text.'],
    ]);
    expect(recovered).toBe('the document was cut off after item 2; the well-formed part was read');
  });

  it('reads a document whose last closing tag is missing', () => {
    const { posts, recovered } = normaliseFixture('truncated-end.atom.xml');
    expect(posts.map((post) => post.title)).toEqual(['Whole']);
    expect(recovered).toBe('the document was cut off after item 1; the well-formed part was read');
  });

  it('says when a document was cut off before it reached an item', () => {
    const { feed, posts, recovered } = normaliseFeed(
      '<rss version="2.0"><channel><title>Header only</title><link>https://cut.example.org/',
      context,
    );
    expect([feed.title, posts, recovered]).toEqual([
      'Header only',
      [],
      'the document was cut off before its first item; only the feed header was read',
    ]);
  });

  it('reads a document cut off after 12 good items as those 12, with a warning', () => {
    const body = `<rss version="2.0"><channel><title>Long</title>${items(12)}<item><guid>13</guid><title>Thirt`;
    const { posts, recovered } = normaliseFeed(body, context);
    expect(posts.map((post) => post.externalId)).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}`));
    expect(recovered).toBe('the document was cut off after item 12; the well-formed part was read');
  });

  it('reads the items an unclosed element left whole, and says where it swallowed the others', () => {
    const body = `<rss version="2.0">\n<channel><title>Partly</title>\n${items(3)}\n<image><url>https://x.org/i.png</url>\n${items(2)}\n</channel></rss>`;
    const { posts, recovered } = normaliseFeed(body, context);
    expect(posts.map((post) => post.externalId)).toEqual(['1', '2', '3']);
    expect(recovered).toBe(
      'the feed is not well-formed XML: <image> opened at line 4 inside <channel> is never closed; 2 of 5 items could not be read',
    );
  });

  it('says nothing of HTML left unclosed inside a text element when every item was read', () => {
    const body = `<rss version="2.0"><channel><title>Loose</title><item><guid>1</guid><description>one<br>two</description></item></channel></rss>`;
    const { posts, recovered } = normaliseFeed(body, context);
    expect([posts.map((post) => post.externalId), recovered]).toEqual([['1'], undefined]);
  });

  it('reads a closing tag that does not match as closing the open element, and says so', () => {
    const { posts, recovered } = normaliseFixture('mismatched-tags.rss.xml');
    expect(posts.map((post) => post.title)).toEqual(['Still read']);
    expect(recovered).toBe(
      'a closing tag did not match its element (</langauge> closing <language>); it was read as closing that element',
    );
  });

  it('says nothing about a whole, well-formed document', () => {
    expect(normaliseFeed(RSS, context).recovered).toBeUndefined();
  });
});

// Megabytes of input: linear, yet more than the default 5 s on a busy machine.
describe('normaliseFeed limits', { timeout: 30_000 }, () => {
  const item = (fields: string) => `<item>${fields}</item>`;
  const rss = (items: string | string[]) =>
    `<rss version="2.0"><channel><title>x</title>${[items].flat().join('')}</channel></rss>`;

  it('cuts a 9 MB title to 1,000 characters and says so', () => {
    const { posts, truncated } = normaliseFeed(
      rss(item(`<guid>t</guid><title>${'T'.repeat(9_000_000)}</title>`)),
      context,
    );
    expect(posts[0].title).toHaveLength(1_000);
    expect(posts[0].title?.endsWith('T…')).toBe(true);
    expect(truncated).toBe("1 post was cut to Parley's limits: titles over 1,000 characters");
  });

  it('cuts text, author names and drops over-long links', () => {
    const { posts, truncated } = normaliseFeed(
      rss(
        item(
          `<guid>a</guid><link>https://example.org/${'p'.repeat(3_000)}</link><author>${'A'.repeat(400)}</author>` +
            `<description>${'word '.repeat(30_000)}</description>`,
        ),
      ),
      context,
    );
    expect(posts[0]).toMatchObject({ externalId: 'a', url: null, author: { name: `${'A'.repeat(299)}…` } });
    expect(posts[0].text.length).toBeLessThanOrEqual(100_000);
    expect(truncated).toBe(
      "1 post was cut to Parley's limits: text over 100,000 characters, author names over 300 characters, links over 2,048 characters (dropped)",
    );
  });

  it('knows an item by the hash of an over-long guid, the same on every fetch', () => {
    const body = rss(item(`<guid>${'g'.repeat(10_000)}</guid><title>t</title>`));
    const [first] = normaliseFeed(body, context).posts;
    expect(first.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(normaliseFeed(body, context).posts[0].externalId).toBe(first.externalId);
  });

  it('reads the first 5,000 of 200,000 items and says so', () => {
    const items = Array.from({ length: 200_000 }, (_, i) => item(`<guid>g${i}</guid><title>t${i}</title>`));
    const { posts, truncated } = normaliseFeed(rss(items), context);
    expect(posts).toHaveLength(5_000);
    expect(posts[4_999].externalId).toBe('g4999');
    expect(truncated).toBe(
      "the feed has more than 5,000 items; the first 5,000 were read (Parley's limit per fetch)",
    );
  });

  it('reads the first 5,000 items of a JSON feed', () => {
    const items = Array.from({ length: 6_000 }, (_, i) => ({ id: `j${i}`, content_text: 'x' }));
    const body = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'j', items });
    expect(normaliseFeed(body, context).posts).toHaveLength(5_000);
  });

  it('says nothing of a feed within the limits', () => {
    expect(normaliseFeed(RSS, context).truncated).toBeUndefined();
  });
});

const items = (count: number): string =>
  Array.from(
    { length: count },
    (_, i) => `<item><guid>${i + 1}</guid><title>Item ${i + 1}</title></item>`,
  ).join('');

describe('normaliseFeed refusing a document it could read nothing from', () => {
  const notWellFormed = (problem: string) =>
    expect.objectContaining({
      code: 'parse_failed',
      message: `the feed is not well-formed XML: ${problem}; nothing could be read`,
    });

  it.each([
    [
      'the reported one: a <title> swallows the only item, and the document ends unclosed',
      '<rss version="2.0"><channel><title>bad<item><guid>m1</title></channel>',
      '<item> opened at line 1 inside <title> is never closed',
    ],
    [
      'the same, closed',
      '<rss version="2.0"><channel><title>bad<item><guid>m1</title></channel></rss>',
      '<item> opened at line 1 inside <title> is never closed',
    ],
    [
      'an <image> left open around every item',
      `<rss version="2.0">\n<channel><title>x</title>\n<image><url>https://x.org/i.png</url>\n${items(2)}</channel></rss>`,
      '<image> opened at line 3 inside <channel> is never closed',
    ],
    [
      'a document cut off inside its first item',
      '<rss version="2.0"><channel><title>Header only</title><item><title>Half',
      'the document was cut off before its first item ended',
    ],
  ])('%s', (_name, body, problem) => {
    expect(() => normaliseFeed(body, context)).toThrow(notWellFormed(problem));
  });
});
