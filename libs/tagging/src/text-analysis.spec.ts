import { describe, expect, it } from 'vitest';
import { lexemes, sentences, writtenAs } from './text-analysis';

describe('lexemes', () => {
  it.each([
    ['Consultation on the CONSULTING loans', ['consult', 'consult', 'loan']],
    ['Universal Credit payment dates?', ['univers', 'credit', 'payment', 'date']],
    ["The student's repayments", ['student', 'repay']],
    ['', []],
  ])('%s', (text, expected) => expect(lexemes(text)).toEqual(expected));
});

describe('writtenAs', () => {
  it.each([
    ['First Universal Credit payment', 'univers', 'Universal'],
    ['My UC payments are late', 'payment', 'payments'],
    ['the official travel advice for Morocco', 'travel advic', 'travel advice'],
    ['the cost of living crisis', 'cost live', 'cost of living'],
    // The first place the whole phrase occurs, not the first of its words.
    ['Travel is fun. Where is the Travel Advice page?', 'travel advic', 'Travel Advice'],
    // A capital that only opens a sentence says nothing: prefer the word inside one.
    ['Term dates for next year? When are the term dates out', 'term date', 'term dates'],
    ['Term dates for next year?', 'term date', 'Term dates'],
    ['my student finance, loan', 'student loan', null],
    ['#DrivingTest', '#drivingtest', null],
    ['', 'loan', null],
  ])('%s: %s → %s', (text, term, expected) => expect(writtenAs(text, term)?.text ?? null).toBe(expected));
});

describe('sentences', () => {
  it('keeps a "?" inside a link or a quotation in its sentence', () => {
    expect(
      sentences('See https://www.gov.uk/search?q=passport for more. She asked "why?" and I had no answer.'),
    ).toEqual([
      'See https://www.gov.uk/search?q=passport for more.',
      'She asked "why?" and I had no answer.',
    ]);
  });

  it('splits on sentence ends and new lines', () => {
    expect(sentences('Hello there. Where is the form?\nThanks!')).toEqual([
      'Hello there.',
      'Where is the form?',
      'Thanks!',
    ]);
  });
});
