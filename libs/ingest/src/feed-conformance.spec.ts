import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDomainError, type NormalisedFeed } from '@parley/domain';
import { sharedCorpus } from '@parley/testing';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './feed-date';
import { normaliseFeed } from './feed-normaliser';
import { sanitiseHtml } from './sanitise-html';

/**
 * Conformance against gofeed's corpora (../shared, not part of a clone). Translator: each case pairs a feed with
 * the normalised feed gofeed expects, and the normaliser's output is compared on every field a post carries
 * (title, link, guid, published time, author name, body) plus the feed's title and link, for every case. An
 * expected item with none of those fields (only categories, enclosures or an author's email) must yield no post.
 * Parser: every file must normalise or be rejected with parse_failed, never crash.
 */
const GOFEED = sharedCorpus('gofeed');
const TRANSLATOR = join(GOFEED.dir, 'translator');
const PARSER = join(GOFEED.dir, 'parser');
const CONTEXT = { sourceUrl: 'https://example.org/feed' };

/**
 * Cases where gofeed's expected JSON does not fit Parley's model, with the fields that differ and why. The test
 * fails if such a case starts agreeing or differs in any other field, so the list stays true.
 */
const DEPARTURES: Record<string, { fields: string[]; reason: string }> = {
  'rss/feed_item_links_-_rss_channel_item_links.xml': {
    fields: ['items[0].link', 'items[0].guid'],
    reason:
      'gofeed takes the last of three links, one of them a non-RSS <link href>; Parley takes the first <link>, as readers show (and, with no guid, the link is its id)',
  },
  'rss/feed_links_-_rss_channel_links.xml': {
    fields: ['feed.link'],
    reason: 'the same rule for the channel: the first RSS <link>, not a later <link href>',
  },
  'rss/feed_links_-_rdf_channel_links.xml': {
    fields: ['feed.link'],
    reason: 'the same rule for an RDF channel',
  },
};

type ExpectedItem = {
  title?: string;
  link?: string;
  guid?: string;
  publishedParsed?: string;
  author?: { name?: string };
  authors?: Array<{ name?: string }>;
  content?: string;
  description?: string;
};
type Expected = { title?: string; link?: string; items?: ExpectedItem[] };

type Field = [name: string, actual: string | null, expected: string | null];
type Post = NormalisedFeed['posts'][number];

const url = (value: string | null | undefined): string | null =>
  value ? (URL.parse(value)?.href ?? value) : null;
const iso = (value: string | null | undefined): string | null =>
  parseFeedDate(value ?? null)?.toISOString() ?? null;
const collapse = (text: string | null | undefined): string | null =>
  text?.replace(/\s+/g, ' ').trim() || null;
const CONTENT_ID = 'an id derived from the content';

/** The post fields of an expected item; an item with none is one Parley skips, as it has nothing to show or tag. */
const postFieldsOf = (item: ExpectedItem) => ({
  title: item.title ?? null,
  link: url(item.link),
  guid: item.guid ?? null,
  published: iso(item.publishedParsed),
  // gofeed fills only `authors` for JSON Feed 1.1; a post carries the first author.
  author: item.author?.name ?? item.authors?.[0]?.name ?? null,
  // gofeed keeps content and description apart; a post carries one body, content first.
  body: item.content ?? item.description ?? null,
});
const carriesPostField = (item: ExpectedItem): boolean =>
  Object.values(postFieldsOf(item)).some((value) => value !== null);

// Parley keeps an HTML body sanitised and a text body as text: gofeed's body agrees if it matches either reading.
const bodyField = (post: Post | undefined, body: string | null): [string | null, string | null] => {
  const actual = post?.html ?? collapse(post?.text);
  const readings = body === null ? [null] : [sanitiseHtml(body) || null, collapse(body)];
  return [actual, readings.includes(actual) ? actual : readings[0]];
};

const itemFields = (post: Post | undefined, item: ExpectedItem, i: number): Field[] => {
  const expected = postFieldsOf(item);
  return [
    [`items[${i}].title`, post?.title ?? null, expected.title],
    [`items[${i}].link`, post?.url ?? null, expected.link],
    [
      `items[${i}].guid`,
      post?.externalId.startsWith('sha256:') ? CONTENT_ID : (post?.externalId ?? null),
      expected.guid ?? expected.link ?? CONTENT_ID,
    ],
    [`items[${i}].published`, post?.publishedAt?.toISOString() ?? null, expected.published],
    [`items[${i}].author`, post?.author.name ?? null, expected.author],
    [`items[${i}].body`, ...bodyField(post, expected.body)],
  ];
};

const fieldsOf = (actual: NormalisedFeed, expected: Expected): Field[] => {
  const items = (expected.items ?? []).filter(carriesPostField);
  return [
    ['feed.title', actual.feed.title, expected.title ?? null],
    ['feed.link', actual.feed.link, url(expected.link)],
    ['posts.length', String(actual.posts.length), String(items.length)],
    ...items.flatMap((item, i) => itemFields(actual.posts[i], item, i)),
  ];
};

type Case = { name: string; input: string; expected: string };

/** Each differing field as "name: got …, expected …". */
const expectedOf = (entry: Case): Expected => JSON.parse(readFileSync(entry.expected, 'utf8')) as Expected;

const mismatches = (entry: Case): Map<string, string> => {
  const expected = expectedOf(entry);
  try {
    const actual = normaliseFeed(readFileSync(entry.input), CONTEXT);
    return new Map(
      fieldsOf(actual, expected)
        .filter(([, got, want]) => got !== want)
        .map(([name, got, want]) => [
          name,
          `${name}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
        ]),
    );
  } catch (error) {
    return new Map([['threw', `threw ${(error as Error).message}`]]);
  }
};

// rss/ and atom/ pair X.xml with X.json; json/ pairs X.json with X_expected.json.
const INPUTS: Array<[dir: string, input: RegExp, expected: string]> = [
  ['rss', /\.xml$/, '.json'],
  ['atom', /\.xml$/, '.json'],
  ['json', /(?<!_expected)\.json$/, '_expected.json'],
];

const translatorCases = (): Case[] =>
  INPUTS.flatMap(([dir, input, expected]) =>
    readdirSync(join(TRANSLATOR, dir))
      .filter((name) => input.test(name))
      .map((name) => ({
        name: `${dir}/${name}`,
        input: join(TRANSLATOR, dir, name),
        expected: join(TRANSLATOR, dir, name.replace(input, expected)),
      })),
  );

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
  );

// The parser corpus pairs each input with gofeed's expected parse: X.xml with X.json, or X.json with X_expected.json.
const isExpectedOutput = (path: string): boolean =>
  path.endsWith('_expected.json') || (path.endsWith('.json') && existsSync(path.replace(/\.json$/, '.xml')));

// 'normalised', 'rejected', or the stack of an unexpected crash.
const outcome = (path: string): string => {
  try {
    normaliseFeed(readFileSync(path), CONTEXT);
    return 'normalised';
  } catch (error) {
    return isDomainError(error) && error.code === 'parse_failed'
      ? 'rejected'
      : `${path}: ${(error as Error).stack}`;
  }
};

describe.skipIf(!GOFEED.present)('feed conformance (gofeed corpora)', () => {
  it('agrees with gofeed on every translator case, bar the departures listed with their reasons', () => {
    const cases = translatorCases();
    const results = cases.map((entry) => ({ name: entry.name, problems: mismatches(entry) }));
    const itemsWithoutPostFields = cases.flatMap((entry) =>
      (expectedOf(entry).items ?? []).filter((item) => !carriesPostField(item)),
    ).length;
    const agreed = results.filter((result) => result.problems.size === 0);
    const departed = results.filter((result) => result.problems.size > 0 && DEPARTURES[result.name]);
    const failed = results.filter((result) => result.problems.size > 0 && !DEPARTURES[result.name]);
    for (const failure of [...failed, ...departed])
      console.log(`  ✗ ${failure.name}\n      ${[...failure.problems.values()].join('\n      ')}`);
    console.log(
      `feed conformance: ${agreed.length}/${results.length} agree with gofeed; ${departed.length} depart as listed; ${failed.length} disagree` +
        ` (${itemsWithoutPostFields} expected items carry no post field and are skipped)`,
    );
    expect(failed.map((result) => result.name)).toEqual([]);
    for (const result of departed)
      expect([...result.problems.keys()], result.name).toEqual(DEPARTURES[result.name].fields);
    expect(departed.map((result) => result.name).sort()).toEqual(Object.keys(DEPARTURES).sort());
  });

  it('normalises every quirky or malformed parser-corpus feed, or rejects it with parse_failed', () => {
    const outcomes = walk(PARSER)
      .filter((path) => !isExpectedOutput(path))
      .map(outcome);
    const crashes = outcomes.filter((result) => result !== 'normalised' && result !== 'rejected');
    const rejected = outcomes.filter((result) => result === 'rejected').length;
    console.log(
      `feed robustness: ${outcomes.length - rejected - crashes.length} normalised, ${rejected} rejected, ${crashes.length} crashed`,
    );
    expect(crashes).toEqual([]);
  });
});
