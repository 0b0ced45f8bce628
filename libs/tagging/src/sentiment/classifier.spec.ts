import { describe, expect, it } from 'vitest';
import { classifySentiment } from './classifier';

const label = (text: string) => classifySentiment(text).label;
const score = (text: string) => classifySentiment(text).score;

describe('classifySentiment', () => {
  it('reads plain praise, complaint and information', () => {
    expect(label('Thank you, the new bus timetable is great')).toBe('positive');
    expect(label('The bins have not been collected and it is a disgrace')).toBe('negative');
    expect(label('The consultation closes on 4 March at noon.')).toBe('neutral');
  });

  it('turns a rated word round after a negation, contracted or not, curly apostrophe or not', () => {
    expect(label('The new service is good')).toBe('positive');
    expect(label('The new service is not good')).toBe('negative');
    expect(label('The new service isn’t good')).toBe('negative');
    expect(label('I dont like the new app')).toBe('negative');
  });

  it('reads "like" as praise only when it is a verb', () => {
    // AFINN scores each of these +2.
    expect(label('It looks like the trains are running late again')).toBe('neutral');
    expect(label('Feels like a Monday')).toBe('neutral');
    expect(label('I like the new cycle lanes')).toBe('positive');
    expect(label('We really like the new library')).toBe('positive');
  });

  it('makes boosters, capitals and exclamation marks stronger and dampeners weaker', () => {
    expect(score('The service is very good')).toBeGreaterThan(score('The service is good'));
    expect(score('The service is slightly good')).toBeLessThan(score('The service is good'));
    expect(score('The service is GOOD')).toBeGreaterThan(score('The service is good'));
    expect(score('The service is good!!!')).toBeGreaterThan(score('The service is good'));
    expect(score('The queue was awful!!')).toBeLessThan(score('The queue was awful'));
  });

  it('lets the clause after "but" carry the post', () => {
    expect(label('The staff were helpful but the wait was terrible')).toBe('negative');
    expect(label('The wait was bad but the staff were brilliant')).toBe('positive');
  });

  it('reads emoji and emoticons, attached to words or not', () => {
    expect(label('Bins collected today 😍')).toBe('positive');
    expect(label('Bins collected today😡')).toBe('negative');
    expect(label('Another delay :(')).toBe('negative');
  });

  it('leaves links and handles out, and reads a hashtag as its word', () => {
    expect(label('@GreatCouncil https://example.org/love-it the meeting is at 7pm')).toBe('neutral');
    expect(label('Third delay this week #fail')).toBe('negative');
  });

  it('gives an empty or wordless post a neutral score of 0', () => {
    expect(classifySentiment('')).toEqual({ label: 'neutral', score: 0 });
    expect(classifySentiment('   ... ')).toEqual({ label: 'neutral', score: 0 });
  });

  it('computes the compound score as VADER does: sum ÷ √(sum² + 15)', () => {
    // "good" is rated 1.9 in the VADER lexicon: 1.9 / √(1.9² + 15) = 1.9 / √18.61 = 0.4404.
    expect(score('good')).toBeCloseTo(0.4404, 4);
    // "not good": 1.9 × −0.74 = −1.406; −1.406 / √(1.976836 + 15) = −1.406 / 4.12030 = −0.3412.
    expect(score('not good')).toBeCloseTo(-0.3412, 4);
  });
});
