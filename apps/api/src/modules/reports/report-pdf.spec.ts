import type { ImpactReportDocument } from '@parley/domain';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { reportPdf } from './report-pdf';

const pdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

/** A report as the domain composes it: an overview's worth of sentences, then a table of `rows` rows. */
const report = (rows: number): ImpactReportDocument => ({
  title: 'Impact report: the full story',
  level: 'full',
  department: 'dfe',
  departmentName: 'Department for Education',
  period: '1 November 2026 to 30 November 2026',
  window: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' },
  compare: null,
  definitionsVersion: '2026-12-01.2',
  generatedAt: '2026-12-01T09:00:00.000Z',
  filters: { department: 'dfe', from: '2026-11-01', to: '2026-12-01', level: 'full' },
  sections: [
    {
      heading: 'What we did',
      paragraphs: ['We took part in 42 of 120 conversations where there was an opportunity (35%).'],
      tables: [],
    },
    {
      heading: 'Cases: what worked and what did not',
      paragraphs: [],
      tables: [
        {
          key: 'lessons',
          title: 'Every lesson recorded',
          columns: ['Recorded', 'What did not work', 'Conversations'],
          rows: Array.from({ length: rows }, (_, i) => [
            '26 November 2026',
            `Lesson ${i + 1}: replies after 18:00 waited until morning ≥ 12 h.`,
            '0',
          ]),
          empty: 'No lessons were recorded.',
        },
      ],
    },
  ],
});

describe('reportPdf', () => {
  it('draws a short report on one A4 page', async () => {
    const pdf = await buffer(reportPdf(report(3)));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(pdf)).toBe(1);
    // A4 is 595.28 × 841.89 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it.skipIf(!pdftotext)(
    'breaks a long table across pages, numbering each and keeping the text extractable',
    async () => {
      const pdf = await buffer(reportPdf(report(150)));
      const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
      writeFileSync(join(dir, 'full.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'full.pdf'), '-'], { encoding: 'utf8' });
      const n = pages(pdf);
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(12);
      expect(text).toContain(`Page 1 of ${n}`);
      expect(text).toContain(`Page ${n} of ${n}`);
      expect(text).toContain('Metrics definitions 2026-12-01.2');
      expect(text).toContain('Lesson 150: replies after 18:00 waited until morning ≥ 12 h.');
      expect(text).toContain('We took part in 42 of 120 conversations where there was an opportunity (35%).');
      // The header row is repeated on every page the lessons table reaches.
      expect(text.match(/Recorded\s+What did not work\s+Conversations/g)?.length).toBeGreaterThan(1);
    },
  );
});
