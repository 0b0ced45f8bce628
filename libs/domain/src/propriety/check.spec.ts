import { describe, expect, it } from 'vitest';
import { checkPropriety } from './check';
import { EXAMPLES } from './examples.fixture';
import { PROPRIETY_KINDS } from './types';

const run = (text: string, electionPeriod?: string) =>
  checkPropriety(text, { electionPeriod: electionPeriod ? { name: electionPeriod } : null });
const kindsOf = (text: string, electionPeriod?: string) =>
  [...new Set(run(text, electionPeriod).map((f) => f.kind))].sort();

describe('propriety checker, example by example', () => {
  const exact = EXAMPLES.filter((e) => !e.known).map((e) => ({ ...e, expected: [...e.kinds].sort() }));

  it.each(exact)('$expected ← $text', ({ text, expected, electionPeriod }) => {
    expect(kindsOf(text, electionPeriod)).toEqual(expected);
  });

  it.each(EXAMPLES.filter((e) => e.spans))('highlights $spans in "$text"', ({ text, spans }) => {
    const highlighted = run(text).map((f) => f.text);
    for (const span of spans ?? []) expect(highlighted).toContain(span);
  });

  it('covers every kind both ways with at least eight drafts each', () => {
    for (const kind of PROPRIETY_KINDS) {
      expect(EXAMPLES.filter((e) => e.kinds.includes(kind)).length, kind).toBeGreaterThanOrEqual(8);
      expect(EXAMPLES.filter((e) => !e.kinds.includes(kind)).length, kind).toBeGreaterThanOrEqual(8);
    }
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(150);
  });
});

describe('propriety findings', () => {
  it('are spans of the text: offsets in UTF-16 code units, so text.slice(start, end) is the span', () => {
    // The emoji and the accented name are two and one code units: offsets after them still line up.
    const text = '🚗 Hi Zoë, DVSA team here. Call me on 07700 900123 or email zoe.k@example.com.';
    const findings = run(text);
    expect(findings.map((f) => [f.kind, f.text])).toEqual([
      ['personal-data', '07700 900123'],
      ['personal-data', 'zoe.k@example.com'],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(findings[0].start).toBe(text.indexOf('07700'));
  });

  it('say what the risk is and what to do, in words a person reads', () => {
    const [finding] = run('HMRC here. Your refund will be in your account by Friday.');
    expect(finding).toMatchObject({ kind: 'promise', text: 'Your refund will be in your account by Friday' });
    expect(finding.message).toMatch(/promises/);
    expect(finding.advice).toMatch(/service standard/);
    const [announcement] = run('DfE team here. The new grant opens to applicants in the spring.');
    expect(announcement.advice).toMatch(/press office/);
  });

  it('mark the whole draft, trimmed, during an election period, naming it', () => {
    const text = '  Hi, DfE team here. Term dates are set by your local council.\n';
    const [finding] = run(text, 'Local elections 2027');
    expect(finding).toMatchObject({ kind: 'election-period', start: 2, end: text.trimEnd().length });
    expect(finding.message).toContain('Local elections 2027');
    expect(finding.advice).toMatch(/manager must approve/);
  });

  it('are none for an empty draft, even in an election period', () => {
    expect(run('', 'General election')).toEqual([]);
    expect(run(' \n ', 'General election')).toEqual([]);
  });

  it('come in the order of the text, one per span and kind', () => {
    const findings = run('DWP here. Email jo@example.com or jo@example.com, or call 07700 900999.');
    expect(findings.map((f) => f.start)).toEqual([...findings.map((f) => f.start)].sort((a, b) => a - b));
    expect(findings).toHaveLength(3);
  });

  it('take little time on the longest draft the api accepts', () => {
    // Not a timing assertion: a pattern that backtracks badly would not finish at all on 10,000 characters.
    const long = 'we will '.repeat(1_250);
    expect(run(long).length).toBeGreaterThan(0);
  });
});
