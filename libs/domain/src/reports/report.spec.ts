import { describe, expect, it } from 'vitest';
import { composeImpactReport, type ImpactReportDocument } from './report';
import { reportCsv } from './report-csv';
import { busy, empty } from './test-support/report-fixtures';

const text = (doc: ImpactReportDocument) =>
  doc.sections
    .flatMap((s) => [s.heading, ...s.paragraphs, ...s.tables.flatMap((t) => t.rows.flat())])
    .join('\n');
const section = (doc: ImpactReportDocument, heading: string) => {
  const found = doc.sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`no section ${heading}`);
  return found;
};

describe('composeImpactReport', () => {
  it('says "No data" where there is nothing, never 0 or a blank', () => {
    const doc = composeImpactReport('overview', empty());
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'What we heard',
      'What we did',
      'What changed',
      'What did not work',
      'How confident we can be',
    ]);
    const all = text(doc);
    expect(all).toContain('No data on themes');
    expect(all).toContain('No data on sentiment');
    expect(all).toContain('No data on taking part: no opportunities were found in this period.');
    expect(all).toContain('No data on response rate');
    expect(all).toContain('No data on policy influence');
    expect(all).toContain('No data on closing the loop');
    expect(all).toContain('No one recorded what did not work');
    expect(all).not.toMatch(/\b0%|\(0\)|NaN|undefined|null/);
    expect(doc.period).toBe('1 November 2026 to 30 November 2026');
    expect(doc.filters).toEqual({
      department: 'dfe',
      from: '2026-11-01',
      to: '2026-12-01',
      level: 'overview',
    });
  });

  it('writes what we did in plain words with the counts behind each share', () => {
    const did = section(composeImpactReport('overview', busy()), 'What we did').paragraphs;
    expect(did).toEqual([
      'We took part in 42 of 120 conversations where there was an opportunity (35%).',
      'We answered 9 of 12 conversations needing a response within the service level (75%, a small sample of 12).',
      'Our first response took 45 min on the median, and 3 h 5 min or less in 9 cases out of 10 (42 conversations).',
      'Of our engagements, 50% told people something (transmit), 25% listened and asked (receive), 25% worked with people on an answer (collaborate).',
    ]);
  });

  it('hears themes with share, change and a quote, and states the classifier accuracy', () => {
    const heard = section(composeImpactReport('overview', busy()), 'What we heard');
    expect(heard.paragraphs[0]).toBe(
      'The 2 most discussed themes among 340 on-topic posts: Exam appeals (50%), School meals (5%).',
    );
    expect(heard.paragraphs[1]).toBe(
      'Net sentiment was -12 (positive posts minus negative posts, per 100 posts) across 340 posts. ' +
        'The sentiment classifier agreed with people on 78% of the 200 posts they labelled (95% confidence interval 72% to 84%).',
    );
    expect(heard.tables[0].rows).toEqual([
      ['Exam appeals', '50%', 'Up 10 points', '“Can my son appeal a grade after results day?”'],
      ['School meals', '5% (small sample)', 'No data', 'No post fit to quote'],
    ]);
  });

  it('reports what changed and what did not work', () => {
    const doc = composeImpactReport('overview', busy());
    expect(section(doc, 'What changed').paragraphs).toEqual([
      // e1 reached level 2, e2 none: 1 of 2 = 50%.
      'Of 2 engagement exercises, 1 was cited in a submission or changed a decision (50%).',
      'Appeals guidance: insight cited in a submission or options paper.',
      // e1 closed with a "you said, we did", e2 closed without: 1 of 2.
      'We posted a “you said, we did” update for 1 of 2 closed exercises (50%).',
      '“I know how to appeal”: 40% agreed before and 55% after (up 15 points, 95% confidence interval +5.4 to +24.6 points) — online panel, 200 people asked before and 200 after.',
    ]);
    expect(section(doc, 'What did not work').paragraphs).toEqual([
      'Replies at night went unseen.',
      'We decided not to engage in 4 conversations.',
      '3 conversations still had no response at the end of the period.',
    ]);
    const confidence = section(doc, 'How confident we can be').paragraphs.join(' ');
    expect(confidence).toContain('1 public source');
    expect(confidence).toContain('response rate within the service level');
    expect(confidence).toContain('Up to 7 posts from accounts flagged as spam or bots were left out.');
    expect(confidence).toContain('definitions version 2026-12-01.1');
  });

  it('reads each objective against its baseline and target, with spikes and the influence log', () => {
    const doc = composeImpactReport('snapshot', busy());
    const objective = section(doc, 'Objective: Answer more parents about appeals');
    // 35% against a target of 40% from a baseline of 20%: rising, not yet met.
    expect(objective.paragraphs[1]).toBe('Target not yet met.');
    expect(objective.tables[0].rows).toEqual([
      ['Participation coverage', '20%', '40%', '35%', '120', '30%', 'Up 5 points'],
    ]);
    expect(section(doc, 'Themes in detail').paragraphs[0]).toContain(
      'Mentions spiked once: 3 Nov 2026, 14:00 GMT (96 mentions in the hour)',
    );
    expect(section(doc, 'Policy-influence log').tables[0].rows[0]).toEqual([
      'Appeals guidance',
      'Insight cited in a submission or options paper',
      'Cited in options paper (10 November 2026)',
      'Options paper <https://example.gov.uk/p>',
      '3 months: due 20 February 2027',
    ]);
    const results = section(doc, 'Results from outputs to impact').tables[0].rows;
    // Only outputs to impact: coverage, response rate, first response, mode mix (outputs), net sentiment (outtakes).
    expect(results.map((r) => r[1])).toEqual([
      'Participation coverage',
      'Response rate within the service level',
      'First-response time',
      'Engagement mode mix',
      'Net sentiment',
    ]);
  });

  it('says so when no objective was set', () => {
    const doc = composeImpactReport('snapshot', empty());
    expect(section(doc, 'Objectives').paragraphs[0]).toMatch(/^No objectives were set/);
    expect(section(doc, 'Policy-influence log').tables[0].rows).toEqual([]);
  });

  it('tells cases that worked and cases that did not, with their lessons', () => {
    const doc = composeImpactReport('full', busy());
    const cases = section(doc, 'Cases: what worked and what did not').paragraphs;
    expect(cases).toEqual([
      'What worked.',
      '“Appeal deadline?” (Mastodon, from 3 November 2026): we took part 2 times, first after 45 min; it was closed as answered. Outcome: Parent thanked us.',
      'What did not work.',
      // c2 was answered but has a lesson; c3 was declined.
      '“Meals at night” (Bluesky, from 4 November 2026): we took part once, first after 10 h; it was closed as answered. What did not work: Replies at night went unseen.',
      'A conversation (Mastodon, from 5 November 2026): we did not take part; we decided not to engage (abusive).',
    ]);
    const method = section(doc, 'Method');
    expect(method.tables.map((t) => t.rows)).toEqual([
      [['Education blog', 'Web feed or blog', '120']],
      [['Exams', '3', '2 November 2026']],
    ]);
    expect(method.paragraphs.at(-1)).toMatch(/^Gaps: these measures were not available for this report: /);
    // The full story carries the overview and the snapshot too.
    expect(doc.sections.map((s) => s.heading)).toContain('What did not work');
    expect(doc.sections.map((s) => s.heading)).toContain('Policy-influence log');
  });
});

describe('reportCsv', () => {
  it('starts with the filters and definitions version, then every table, formula-guarded', () => {
    const input = busy();
    input.records.lessons[0].text = '=HYPERLINK("http://evil")';
    const lines = [...reportCsv(composeImpactReport('full', input))].join('');
    const rows = lines.split('\r\n');
    expect(rows.slice(0, 5)).toEqual([
      '"Report","Impact report: the full story"',
      '"Department","Department for Education","dfe"',
      '"Period","1 November 2026 to 30 November 2026","2026-11-01","2026-12-01"',
      '"Level","full"',
      '"Definitions version","2026-12-01.1"',
    ]);
    expect(lines).toContain('"Table","metrics","Metrics"\r\n"Stage","Measure","Result","n"');
    expect(lines).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines).not.toMatch(/(^|,)"=/m);
  });
});
