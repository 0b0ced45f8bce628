import { bucketStart } from '../metrics';
import { escapeHtml } from '../text';
import type { ImpactReportDocument } from './report';

/**
 * The week a digest is sent for: the London week (from Monday midnight) that `now` falls in is the key, and the
 * overview covers the seven days before it, so a digest sent any time in a week says the same thing.
 */
export const digestWeek = (now: Date): { weekStart: Date; from: Date; to: Date } => {
  const weekStart = bucketStart(now, 'week');
  return { weekStart, from: bucketStart(new Date(weekStart.getTime() - 1), 'week'), to: weekStart };
};

/** The overview as an email: every section's heading and sentences, in text and in HTML, with a link back. */
export const digestEmail = (
  report: ImpactReportDocument,
  link: string,
): { subject: string; text: string; html: string } => {
  const subject = `Weekly impact overview: ${report.departmentName}, ${report.period}`;
  const footer = `Metrics definitions ${report.definitionsVersion}. You get this because you subscribed to the weekly digest in Parley.`;
  const text = [
    subject,
    ...report.sections.map((s) => [s.heading, ...s.paragraphs].join('\n')),
    `Open the report: ${link}`,
    footer,
  ].join('\n\n');
  const html = [
    `<h1>${escapeHtml(subject)}</h1>`,
    ...report.sections.map(
      (s) =>
        `<h2>${escapeHtml(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}`,
    ),
    `<p><a href="${escapeHtml(link)}">Open the report in Parley</a></p>`,
    `<p>${escapeHtml(footer)}</p>`,
  ].join('\n');
  return { subject, text, html };
};

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The impact report page showing the digest's week: its first and last London days, both included. */
export const digestLink = (publicUrl: string, department: string, week: { from: Date; to: Date }): string => {
  const search = new URLSearchParams({
    department,
    from: LONDON_DAY.format(week.from),
    to: LONDON_DAY.format(new Date(week.to.getTime() - 1)),
    level: 'overview',
  });
  return `${publicUrl}/reports/impact?${search.toString()}`;
};
