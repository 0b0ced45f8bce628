import { describe, expect, it } from 'vitest';
import { htmlToText, sanitiseHtml } from './sanitise-html';

describe('sanitiseHtml', () => {
  it.each([
    [
      'keeps structure',
      '<h2>Title</h2><p>One <strong>two</strong> <em>three</em></p>',
      '<h2>Title</h2><p>One <strong>two</strong> <em>three</em></p>',
    ],
    [
      'keeps lists and quotes',
      '<ul><li>a</li></ul><blockquote><p>q</p></blockquote><pre><code>x</code></pre>',
      '<ul><li>a</li></ul><blockquote><p>q</p></blockquote><pre><code>x</code></pre>',
    ],
    [
      'marks links nofollow',
      '<a href="https://example.org/" rel="author" target="_blank">x</a>',
      '<a href="https://example.org/" rel="nofollow noopener noreferrer">x</a>',
    ],
    [
      'keeps mailto links',
      '<a href="mailto:press@example.gov.uk">mail</a>',
      '<a href="mailto:press@example.gov.uk" rel="nofollow noopener noreferrer">mail</a>',
    ],
    [
      'drops javascript: links',
      '<a href="javascript:alert(1)">x</a>',
      '<a rel="nofollow noopener noreferrer">x</a>',
    ],
    ['drops data: links', '<a href="data:text/html,hi">x</a>', '<a rel="nofollow noopener noreferrer">x</a>'],
    ['drops scripts with their content', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['drops styles with their content', '<style>p{}</style><p>a</p>', '<p>a</p>'],
    [
      'drops iframes with their content',
      '<iframe src="https://evil.example">fallback</iframe><p>a</p>',
      '<p>a</p>',
    ],
    ['drops event handlers', '<p onclick="alert(1)" style="color:red" class="x">a</p>', '<p>a</p>'],
    ['unwraps unknown tags', '<div><span>kept</span> <img src="x.png" onerror="alert(1)"></div>', 'kept'],
  ])('%s', (_name, html, expected) => expect(sanitiseHtml(html)).toBe(expected));
});

describe('htmlToText', () => {
  it.each([
    ['separates blocks', '<p>First</p><p>Second</p><ul><li>a</li><li>b</li></ul>', 'First Second a b'],
    [
      'decodes entities',
      '<p>Fish &amp; chips &lt;3 &quot;yes&quot; &eacute;t&eacute; &#8212; done</p>',
      'Fish & chips <3 "yes" été — done',
    ],
    ['collapses whitespace', '  a \n\n\t b&nbsp;c  ', 'a b c'],
    ['drops scripts', 'a<script>var secret = 1</script> b', 'a b'],
    ['keeps a bare less-than', 'x < y and y > z', 'x < y and y > z'],
    ['handles breaks', 'line one<br>line two', 'line one line two'],
  ])('%s', (_name, html, expected) => expect(htmlToText(html)).toBe(expected));
});

// The repro: 200,000 nested <b> froze the worker for 70 s, since the parser's work grew with depth squared.
// Hundreds of kilobytes of markup: linear, yet it can take more than the default 5 s on a busy machine.
describe('deeply nested HTML', { timeout: 30_000 }, () => {
  const deep = (depth: number): string => `${'<b>'.repeat(depth)}x`;

  it('keeps 64 levels and reads what is deeper as text', () => {
    expect(sanitiseHtml(deep(60_000))).toBe(`${'<b>'.repeat(64)}x${'</b>'.repeat(64)}`);
  });

  it('reads the text of a deeply nested fragment', () => {
    expect(htmlToText(`<p>${deep(60_000)}</p><p>after</p>`)).toBe('x after');
  });

  it("bounds the issue's 200,000-deep repro", () => {
    const html = sanitiseHtml(deep(200_000));
    expect(html.startsWith('<b>'.repeat(64))).toBe(true);
    expect(html.match(/<b>/g)).toHaveLength(64);
  });

  it('reads at most 200,000 characters of markup per field', () => {
    expect(htmlToText(`${'a'.repeat(199_999)} b c`)).toBe(`${'a'.repeat(199_999)}`);
  });
});
