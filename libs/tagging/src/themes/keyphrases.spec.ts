import { describe, expect, it } from 'vitest';
import { ignoredStems, keyphrasesOf } from './keyphrases';

describe('keyphrasesOf', () => {
  it('gives content words and side-by-side pairs, compared by stem and shown as written', () => {
    expect(keyphrasesOf('How do exam appeals work? My exam appeal was refused.')).toEqual([
      { key: 'exam', text: 'exam' },
      { key: 'exam appeal', text: 'exam appeals' },
      { key: 'appeal', text: 'appeals' },
      { key: 'appeal work', text: 'appeals work' },
      { key: 'work', text: 'work' },
      { key: 'refus', text: 'refused' },
    ]);
  });

  it('does not pair words across punctuation, a link or a handle, and drops generic words and numbers', () => {
    const keys = keyphrasesOf(
      'Thanks @dfe@mastodon.social! Grades, results https://x.test/a 2026 people',
    ).map((k) => k.key);
    expect(keys).toEqual(['grade', 'result']);
  });

  it('lower-cases a word that opens a sentence but keeps an acronym and a name written mid-sentence', () => {
    expect(keyphrasesOf('Exam boards. DVLA delays hit Universal Credit claims').map((k) => k.text)).toEqual([
      'exam',
      'exam boards',
      'boards',
      'DVLA',
      'DVLA delays',
      'delays',
      'delays hit',
      'hit',
      'hit Universal',
      'Universal',
      'Universal Credit',
      'Credit',
      'Credit claims',
      'claims',
    ]);
  });

  it('leaves out the department’s own names', () => {
    const ignore = ignoredStems(['Department for Education', 'DfE']);
    expect(
      keyphrasesOf('The Department for Education (DfE) ignored teachers', ignore).map((k) => k.key),
    ).toEqual(['ignor', 'ignor teacher', 'teacher']);
  });
});
