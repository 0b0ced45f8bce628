import { describe, expect, it } from 'vitest';
import { indexWords, lexemes, lexemesOf, sentences, writtenForms } from './text-analysis';

describe('lexemes', () => {
  it.each([
    ['Consultation on the CONSULTING loans', ['consult', 'consult', 'loan']],
    ['Universal Credit payment dates?', ['univers', 'credit', 'payment', 'date']],
    ["The student's repayments", ['student', 'repay']],
    ['', []],
  ])('%s', (text, expected) => expect(lexemes(text)).toEqual(expected));
});

describe('lexemesOf', () => {
  it.each([
    'Consultation on the CONSULTING loans',
    "The student's repayments, and the students' loans",
    'Help! 3 forms: #tag @me https://www.gov.uk/x?y=1',
    '',
  ])('reads the same lexemes as lexemes(): %j', (text) =>
    expect(lexemesOf(indexWords(text))).toEqual(lexemes(text)),
  );
});

describe('writtenForms', () => {
  it.each([
    ['First Universal Credit payment', 'univers', ['Universal']],
    ['My UC payments are late, the payment date moved', 'payment', ['payments', 'payment']],
    ['the official travel advice for Morocco', 'travel advic', ['travel advice']],
    ['the cost of living crisis', 'cost live', ['cost of living']],
    // Only where the whole phrase occurs, not wherever its first word does.
    ['Travel is fun. Where is the Travel Advice page?', 'travel advic', ['Travel Advice']],
    ['my student finance, loan', 'student loan', []],
    ['#DrivingTest', '#drivingtest', []],
    ['', 'loan', []],
  ])('%s: %s → %j', (text, term, expected) =>
    expect(writtenForms(indexWords(text), term).map((w) => w.text)).toEqual(expected),
  );

  it('knows which places open a sentence, where a capital says nothing', () => {
    expect(
      writtenForms(indexWords('Term dates for next year? When are the term dates out'), 'term date'),
    ).toEqual([
      { text: 'Term dates', opensSentence: true },
      { text: 'term dates', opensSentence: false },
    ]);
  });
});

describe('where a written form opens a sentence', () => {
  it.each([
    ['Loans are late', true],
    ['   Loans are late', true],
    ['Help! (Loans are late)', true],
    ['Question: loans?', true],
    ['first line\n  Loans', true],
    ['My loans', false],
    ['Late, loans', false],
    ['v2.0 loans', false],
  ])('%j → %s', (text, expected) =>
    expect(writtenForms(indexWords(text), 'loan')[0]?.opensSentence).toBe(expected),
  );
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
