import { describe, expect, it } from 'vitest';
import { lexemes, sentences } from './text-analysis';

describe('lexemes', () => {
  it.each([
    ['Consultation on the CONSULTING loans', ['consult', 'consult', 'loan']],
    ['Universal Credit payment dates?', ['univers', 'credit', 'payment', 'date']],
    ["The student's repayments", ['student', 'repay']],
    ['', []],
  ])('%s', (text, expected) => expect(lexemes(text)).toEqual(expected));
});

describe('sentences', () => {
  it('splits on sentence ends and new lines', () => {
    expect(sentences('Hello there. Where is the form?\nThanks!')).toEqual([
      'Hello there.',
      'Where is the form?',
      'Thanks!',
    ]);
  });
});
