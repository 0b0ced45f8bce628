import { describe, expect, it } from 'vitest';
import { classifyLines, evaluateCsv } from './sentiment.command';

describe('parley sentiment classify', () => {
  it('answers one result per line, in order, blank lines included', () => {
    const results = classifyLines('I love the new park\n\nThe road is closed and it is awful\n');
    expect(results.map((r) => r.label)).toEqual(['positive', 'neutral', 'negative']);
    expect(results[1]).toEqual({ label: 'neutral', score: 0 });
  });
});

describe('parley sentiment evaluate', () => {
  it('reads RFC 4180 quoting and computes the figures from the confusion matrix', () => {
    const csv = [
      'text,label',
      '"Great, thank you!",positive', // → positive (right)
      '"The ""new"" app is terrible",negative', // → negative (right)
      '"Closed on\nMonday",neutral', // → neutral (right), one cell across two lines
      'Looks like rain,negative', // → neutral (wrong)
    ].join('\r\n');
    const result = evaluateCsv(csv);
    expect(result.n).toBe(4);
    // 3 right of 4.
    expect(result.accuracy).toBe(0.75);
    // recall negative 1/2, neutral 1/1, positive 1/1 → 2.5 / 3.
    expect(result.macroRecall).toBeCloseTo(2.5 / 3, 10);
    // F1 negative: precision 1/1, recall 0.5 → 2/3; neutral: precision 1/2, recall 1 → 2/3; positive 1 → (2/3 + 2/3 + 1) / 3.
    expect(result.macroF1).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3, 10);
    expect(result.confusion.negative).toEqual({ negative: 1, neutral: 1, positive: 0 });
  });

  it('names every bad line, counting the lines a quoted cell spans', () => {
    const csv = 'text,label\n"two\nlines",positive\nfine,happy\nno label here\n';
    expect(() => evaluateCsv(csv)).toThrow(
      'line 4: label "happy" is not one of negative, neutral, positive\nline 5: expected 2 cells (text,label), found 1',
    );
  });

  it('says where an unclosed quote starts', () => {
    expect(() => evaluateCsv('text,label\nok,neutral\n"never closed,positive\n')).toThrow(
      'line 3: a quoted cell is never closed',
    );
  });
});
