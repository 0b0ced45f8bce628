import { describe, expect, it } from 'vitest';
import { digestEmail, digestLink, digestWeek } from './digest';
import { composeImpactReport } from './report';
import { empty } from './test-support/report-fixtures';

describe('digestWeek', () => {
  it('keys a week by its London Monday and covers the seven days before, across the clocks going forward', () => {
    // Tuesday 31 March 2026, BST: the week began Monday 30 March 00:00 BST (29 March 23:00 UTC); the week
    // before began Monday 23 March 00:00 GMT, and is 167 hours long because the clocks went forward on the 29th.
    const week = digestWeek(new Date('2026-03-31T10:00:00Z'));
    expect(week.weekStart.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(week.from.toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(week.to).toEqual(week.weekStart);
    expect((week.to.getTime() - week.from.getTime()) / 3_600_000).toBe(167);
    expect(digestLink('https://parley.example', 'dfe', week)).toBe(
      'https://parley.example/reports/impact?department=dfe&from=2026-03-23&to=2026-03-29&level=overview',
    );
  });
});

describe('digestEmail', () => {
  it('puts every overview sentence in the text and escapes them in the HTML', () => {
    const input = empty();
    input.department.name = 'Food <Standards> & Co';
    const email = digestEmail(composeImpactReport('overview', input), 'https://parley.example/r?a=1&b=2');
    expect(email.subject).toBe(
      'Weekly impact overview: Food <Standards> & Co, 1 November 2026 to 30 November 2026',
    );
    expect(email.text).toContain('What did not work\nNo one recorded what did not work in this period.');
    expect(email.html).toContain('<h1>Weekly impact overview: Food &#60;Standards&#62; &#38; Co,');
    expect(email.html).toContain('<a href="https://parley.example/r?a=1&#38;b=2">');
    expect(email.html).not.toContain('<Standards>');
  });
});
