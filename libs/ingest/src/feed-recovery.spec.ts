import { describe, expect, it } from 'vitest';
import { inspectMarkup } from './feed-recovery';

describe('inspectMarkup', () => {
  it.each([
    ['a well-formed document', '<rss><channel><item><title>a</title></item></channel></rss>', 1, null],
    [
      'a cut-off end, which is not a mismatch',
      '<rss><channel><item><title>a</title></item><item><ti',
      2,
      null,
    ],
    [
      'an element left open around an item',
      '<rss><channel><title>bad<item><guid>m1</title></channel></rss>',
      1,
      '<item> opened at line 1 inside <title> is never closed',
    ],
    [
      'a closing tag naming another element',
      '<rss>\n<channel>\n<language>en</langauge></channel></rss>',
      0,
      '</langauge> at line 3 does not match <language> opened at line 3',
    ],
    ['a closing tag with nothing open', '</rss>', 0, '</rss> at line 1 closes no open element'],
    [
      'the element that swallowed an item, before an earlier harmless mismatch',
      '<rss><channel>\n<item><description>a<br>b</description></item>\n<image>\n<item></item></channel></rss>',
      2,
      '<image> opened at line 3 inside <channel> is never closed',
    ],
    [
      'markup inside comments, CDATA and processing instructions, which is text',
      '<rss><!-- <item> --><?pi <item> ?><channel><description><![CDATA[<item></b>]]></description></channel></rss>',
      0,
      null,
    ],
    ['items in any case or namespace', '<rdf:RDF><ITEM></ITEM><atom:entry></atom:entry></rdf:RDF>', 2, null],
  ])('%s', (_name, text, items, problem) => {
    expect(inspectMarkup(text)).toEqual({ items, problem });
  });
});
