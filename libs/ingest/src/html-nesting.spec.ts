import { describe, expect, it } from 'vitest';
import { boundNesting } from './html-nesting';

/** The most elements open at once in `html`, counted the simple way, for checking boundNesting's output. */
const depthOf = (html: string): number => {
  let depth = 0;
  let most = 0;
  for (const [, closing] of html.matchAll(/<(\/?)[a-z]/g)) {
    depth += closing ? -1 : 1;
    most = Math.max(most, depth);
  }
  return most;
};

describe('boundNesting', () => {
  it.each([
    [
      'leaves shallow markup alone',
      '<p>a <b>b</b> <a href="x">c</a></p>',
      '<p>a <b>b</b> <a href="x">c</a></p>',
    ],
    ['drops tags below the cap and keeps their text', '<i><b><u>x</u></b></i> y', '<i><b>x</b></i> y'],
    ['counts repeated paragraphs as siblings', '<p>a<p>b<p>c', '<p>a<p>b<p>c'],
    ['does not count void elements', '<i>a<br>b<br>c<img src="x"></i>', '<i>a<br>b<br>c<img src="x"></i>'],
    ['escapes a "<" that starts no tag', 'x < y <3 <', 'x &lt; y &lt;3 &lt;'],
    ['escapes what a dropped tag would have joined', '<i><b><<u>u>x', '<i><b>&lt;u>x'],
    ['drops comments and declarations', 'a<!-- <b> -->b<!x>c<?p?>d', 'abcd'],
    ['keeps raw text elements whole', '<i><b><script><u><u>x</script>y', '<i><b><script><u><u>x</script>y'],
    ['closes what was dropped with its parent', '<i><b><u>x</b><u>y</u>', '<i><b>x</b><u>y</u>'],
    ['spaces blocks when asked', '<p>a</p><p>b</p>', ' <p>a </p> <p>b </p>'],
  ])('%s', (name, html, expected) =>
    expect(boundNesting(html, { maxDepth: 2, spaceBlocks: name === 'spaces blocks when asked' })).toBe(
      expected,
    ),
  );

  it.each([
    ['200,000 nested tags', '<b>'.repeat(200_000)],
    ['200,000 nested, closed', `${'<div><span>'.repeat(100_000)}x${'</span></div>'.repeat(100_000)}`],
    ['a "<" 200,000 times before one ">"', `<b>${'<'.repeat(200_000)}>`],
    ['200,000 unclosed start tags', '<b '.repeat(200_000)],
    ['tags joined across dropped ones', `${'<b>'.repeat(64)}${'<<b>b>'.repeat(100_000)}`],
  ])('bounds %s to 64 open elements', (_name, html) => {
    const bounded = boundNesting(html);
    expect(depthOf(bounded)).toBeLessThanOrEqual(64);
    expect(bounded.length).toBeLessThanOrEqual(html.length * 4);
  });
});
