import { composeImpactReport, type ReportInput } from '@parley/domain';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { busy } from '../../../../../libs/domain/src/reports/test-support/report-fixtures';
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

/** A busy month with 150 lessons: the lessons table must run over several pages. */
const long = (): ReportInput => {
  const input = busy();
  input.records.lessons = Array.from({ length: 150 }, (_, i) => ({
    id: `l${i}`,
    exerciseId: null,
    text: `Lesson ${i + 1}: replies after 18:00 waited until morning ≥ 12 h.`,
    conversationIds: [],
    recordedAt: '2026-11-26T00:00:00Z',
  }));
  return input;
};

describe('reportPdf', () => {
  it('draws the overview on one A4 page with its footer', async () => {
    const pdf = await buffer(reportPdf(composeImpactReport('overview', busy())));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(pdf)).toBe(1);
    // A4 is 595.28 × 841.89 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it.skipIf(!pdftotext)(
    'breaks a long table across pages, numbering each and keeping the text extractable',
    async () => {
      const pdf = await buffer(reportPdf(composeImpactReport('full', long())));
      const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
      writeFileSync(join(dir, 'full.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'full.pdf'), '-'], { encoding: 'utf8' });
      const n = pages(pdf);
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(12);
      expect(text).toContain(`Page 1 of ${n}`);
      expect(text).toContain(`Page ${n} of ${n}`);
      expect(text).toContain('Metrics definitions 2026-12-01.1');
      expect(text).toContain('Lesson 150: replies after 18:00 waited until morning ≥ 12 h.');
      expect(text).toContain('We took part in 42 of 120 conversations where there was an opportunity (35%).');
      // The header row is repeated on every page the lessons table reaches.
      expect(text.match(/Recorded\s+What did not work\s+Conversations/g)?.length).toBeGreaterThan(1);
    },
  );
});
