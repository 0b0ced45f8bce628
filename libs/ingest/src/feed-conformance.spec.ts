import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDomainError } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './feed-date';
import type { FeedEntries } from './feed-entry';
import { normaliseFeed } from './feed-normaliser';
import { readFeedEntries } from './feed-reader';

/**
 * Conformance against gofeed's translator corpus: each X.xml has X.json with the normalised feed gofeed
 * expects. We compare what a NormalisedPost carries — title, link, guid, published time, author name, body — plus
 * the feed's title and link, and the item body. Entries are compared before the normaliser drops unidentifiable items, since
 * many cases are single-field items (only a pubDate, only an author) that test one mapping each.
 */
const CORPUS = resolve(__dirname, '../../../../shared/corpora');
const TRANSLATOR = join(CORPUS, 'gofeed/translator');
const PARSER = join(CORPUS, 'gofeed/parser');
// The count this implementation reaches; raise it when a fix makes more cases pass.
const FLOOR = 92;

type Expected = {
  title?: string;
  link?: string;
  items?: Array<{
    title?: string;
    link?: string;
    guid?: string;
    publishedParsed?: string;
    author?: { name?: string };
    authors?: Array<{ name?: string }>;
    content?: string;
    description?: string;
  }>;
};

type Field = [name: string, actual: string | null, expected: string | null];

const iso = (value: string | null): string | null => parseFeedDate(value)?.toISOString() ?? null;

const fieldsOf = (actual: FeedEntries, expected: Expected): Field[] => [
  ['feed.title', actual.header.title, expected.title ?? null],
  ['feed.link', actual.header.link, expected.link ?? null],
  ['items.length', String(actual.entries.length), String(expected.items?.length ?? 0)],
  ...(expected.items ?? []).flatMap((item, i): Field[] => {
    const entry = actual.entries[i];
    return [
      [`items[${i}].title`, entry?.title ?? null, item.title ?? null],
      [`items[${i}].link`, entry?.link ?? null, item.link ?? null],
      [`items[${i}].guid`, entry?.id ?? null, item.guid ?? null],
      [`items[${i}].published`, iso(entry?.published ?? null), iso(item.publishedParsed ?? null)],
      // gofeed fills only `authors` for JSON Feed 1.1; a post carries the first author.
      [`items[${i}].author`, entry?.authorName ?? null, item.author?.name ?? item.authors?.[0]?.name ?? null],
      // gofeed keeps content and description apart; a post carries one body, content first.
      [
        `items[${i}].content`,
        entry?.contentHtml ?? entry?.contentText ?? null,
        item.content ?? item.description ?? null,
      ],
    ];
  }),
];

type Case = { name: string; input: string; expected: string };

const mismatches = ({ input, expected: expectedPath }: Case): string[] => {
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
  try {
    const actual = readFeedEntries(readFileSync(input));
    return fieldsOf(actual, expected)
      .filter(([, got, want]) => got !== want)
      .map(([name, got, want]) => `${name}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  } catch (error) {
    return [`threw ${(error as Error).message}`];
  }
};

// rss/ and atom/ pair X.xml with X.json; json/ pairs X.json with X_expected.json.
const INPUTS: Array<[dir: string, input: RegExp, expected: string]> = [
  ['rss', /\.xml$/, '.json'],
  ['atom', /\.xml$/, '.json'],
  ['json', /(?<!_expected)\.json$/, '_expected.json'],
];

const cases = (): Case[] =>
  INPUTS.flatMap(([dir, input, expected]) =>
    readdirSync(join(TRANSLATOR, dir))
      .filter((name) => input.test(name))
      .map((name) => ({
        name: `${dir}/${name}`,
        input: join(TRANSLATOR, dir, name),
        expected: join(TRANSLATOR, dir, name.replace(input, expected)),
      })),
  );

const present = existsSync(TRANSLATOR) && existsSync(PARSER);
const missing = `skipped: the gofeed corpus is not at ${join(CORPUS, 'gofeed')}`;

describe('feed conformance (gofeed translator corpus)', () => {
  it.skipIf(!present)(
    present ? 'agrees with gofeed on titles, links, guids, dates, authors and bodies' : missing,
    () => {
      const results = cases().map((entry) => ({ name: entry.name, problems: mismatches(entry) }));
      const failures = results.filter((result) => result.problems.length > 0);
      const passed = results.length - failures.length;
      for (const failure of failures)
        console.log(`  ✗ ${failure.name}\n      ${failure.problems.join('\n      ')}`);
      console.log(`feed conformance: ${passed}/${results.length}`);
      expect(passed).toBeGreaterThanOrEqual(FLOOR);
    },
  );
});

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
    normaliseFeed(readFileSync(path), { sourceUrl: 'https://example.org/feed' });
    return 'normalised';
  } catch (error) {
    return isDomainError(error) && error.code === 'parse_failed'
      ? 'rejected'
      : `${path}: ${(error as Error).stack}`;
  }
};

describe('feed robustness (gofeed parser corpus)', () => {
  it.skipIf(!present)(
    present ? 'normalises every quirky or malformed feed, or rejects it with parse_failed' : missing,
    () => {
      const outcomes = walk(PARSER)
        .filter((path) => !isExpectedOutput(path))
        .map(outcome);
      const crashes = outcomes.filter((result) => result !== 'normalised' && result !== 'rejected');
      const rejected = outcomes.filter((result) => result === 'rejected').length;
      console.log(
        `feed robustness: ${outcomes.length - rejected - crashes.length} normalised, ${rejected} rejected, ${crashes.length} crashed`,
      );
      expect(crashes).toEqual([]);
    },
  );
});
