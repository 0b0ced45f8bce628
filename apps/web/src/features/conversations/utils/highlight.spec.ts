import { describe, expect, it } from 'vitest';
import {
  highlightSegments,
  matchTermsOf,
  mergeTerms,
  parseRuleDetail,
  type MatchTerms,
  type Segment,
} from './highlight';

describe('parseRuleDetail', () => {
  it.each([
    ['rail-fares (railcard, discount)', [{ rule: 'rail-fares', terms: ['railcard', 'discount'] }]],
    [
      'rail-fares (railcard); bus-reform (bus, franchis, rural rout)',
      [
        { rule: 'rail-fares', terms: ['railcard'] },
        { rule: 'bus-reform', terms: ['bus', 'franchis', 'rural rout'] },
      ],
    ],
    [
      'tagged (#costofliving, @dwp, site:gov.uk)',
      [{ rule: 'tagged', terms: ['#costofliving', '@dwp', 'site:gov.uk'] }],
    ],
    ['empty ()', [{ rule: 'empty', terms: [] }]],
    ['not the expected shape', []],
    ['', []],
  ])('%j', (detail, expected) => expect(parseRuleDetail(detail)).toEqual(expected));
});

describe('matchTermsOf', () => {
  it('collects stems and tags from rule signals only, skipping a malformed hit, splitting phrases, leaving out fields', () => {
    expect(
      matchTermsOf([
        {
          kind: 'rule',
          detail: 'a (Railcard, "ignored"; b (season ticket, #Fares, @DfT, site:gov.uk, lang:en)',
        },
        { kind: 'rule', detail: 'c (railcard)' },
        { kind: 'question', detail: 'Asks (something) here' },
      ]),
    ).toEqual({ stems: ['season', 'ticket', 'railcard'], tokens: ['#fares', '@dft'] });
  });

  it('reads several rules in one signal', () =>
    expect(matchTermsOf([{ kind: 'rule', detail: 'a (railcard); b (discount)' }])).toEqual({
      stems: ['railcard', 'discount'],
      tokens: [],
    }));

  it('merges the terms of several tags without repeats', () =>
    expect(
      mergeTerms([
        { stems: ['loan'], tokens: ['#tax'] },
        { stems: ['loan', 'debt'], tokens: [] },
      ]),
    ).toEqual({ stems: ['loan', 'debt'], tokens: ['#tax'] }));
});

/** `[word]` marks a highlighted segment, to compare at a glance. */
const show = (segments: Segment[]) => segments.map((s) => (s.marked ? `[${s.text}]` : s.text)).join('');
const terms = (stems: string[], tokens: string[] = []): MatchTerms => ({ stems, tokens });

describe('highlightSegments', () => {
  it.each([
    {
      name: 'words starting with a stem, any case',
      text: 'Does the Railcard discount apply to season tickets?',
      terms: terms(['railcard', 'discount', 'ticket']),
      expected: 'Does the [Railcard] [discount] apply to season [tickets]?',
    },
    {
      name: 'the stemmer’s y → i',
      text: 'It applies if you apply early',
      terms: terms(['appli']),
      expected: 'It [applies] if you [apply] early',
    },
    {
      name: 'the e that -ing took away',
      text: 'Driving tests: drive, drives, driven, drove',
      terms: terms(['drive', 'test']),
      expected: '[Driving] [tests]: [drive], [drives], [driven], drove',
    },
    {
      name: 'a stem inside a word is not a match',
      text: 'unloaned loans',
      terms: terms(['loan']),
      expected: 'unloaned [loans]',
    },
    {
      name: 'short stems match whole words only',
      text: 'UK ukulele uk',
      terms: terms(['uk']),
      expected: '[UK] ukulele [uk]',
    },
    {
      name: 'hashtags and mentions, and stems inside hashtags',
      text: 'Ask @DWP about #CostOfLiving and #loans (@dwpress)',
      terms: terms(['loan'], ['@dwp', '#costofliving']),
      expected: 'Ask [@DWP] about [#CostOfLiving] and [#loans] (@dwpress)',
    },
    {
      name: 'apostrophes inside words, curly or straight',
      text: "the department's and department’s view",
      terms: terms(['depart']),
      expected: "the [department's] and [department’s] view",
    },
    {
      name: 'letters beyond ASCII',
      text: 'Café prices, CAFÉS closing',
      terms: terms(['café']),
      expected: '[Café] prices, [CAFÉS] closing',
    },
    {
      name: 'markup in the text stays text',
      text: '<script>loan()</script>',
      terms: terms(['loan']),
      expected: '<script>[loan]()</script>',
    },
    { name: 'nothing to mark', text: 'bus routes', terms: terms([]), expected: 'bus routes' },
    { name: 'no text', text: '', terms: terms(['bus']), expected: '' },
  ])('$name', ({ text, terms: t, expected }) => {
    const segments = highlightSegments(text, t);
    expect(show(segments)).toBe(expected);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('keeps neighbouring matches as separate marks and never leaves empty segments', () => {
    const segments = highlightSegments('loan loan', terms(['loan']));
    expect(segments).toEqual([
      { text: 'loan', marked: true },
      { text: ' ', marked: false },
      { text: 'loan', marked: true },
    ]);
  });
});
