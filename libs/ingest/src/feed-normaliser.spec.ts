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
  ])('%s', (_name, body, message) => {
    expect(() => normaliseFeed(body, context)).toThrow(
      expect.objectContaining({ code: 'parse_failed', message: expect.stringMatching(message) }),
    );
  });
});
