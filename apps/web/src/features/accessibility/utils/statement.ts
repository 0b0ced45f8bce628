/**
 * What the automated checks cannot find, kept beside the statement so it is reviewed with it. A deployment sets
 * who runs the service and how to reach them at build time (VITE_ACCESSIBILITY_ORGANISATION,
 * VITE_ACCESSIBILITY_EMAIL); the regulations require both.
 */
export const STATEMENT = {
  preparedOn: '2026-12-01',
  reviewedOn: '2026-12-01',
  organisation: import.meta.env.VITE_ACCESSIBILITY_ORGANISATION || 'the public body that set it up',
  email: import.meta.env.VITE_ACCESSIBILITY_EMAIL || null,
};

/** Failures known by inspection, each with the criterion it fails, why, and the alternative offered. */
export const KNOWN_ISSUES: { criterion: string; problem: string; alternative: string }[] = [
  {
    criterion: '1.3.1 Info and Relationships (PDF)',
    problem:
      'The impact report’s PDF download is not a tagged PDF: headings and tables are not marked up for screen readers.',
    alternative: 'The same report is on the impact report page as HTML, and downloads as CSV.',
  },
  {
    criterion: '3.1.2 Language of Parts',
    problem:
      'Posts quoted from the public are shown without saying which language they are in, so a screen reader reads a Welsh post with English pronunciation.',
    alternative: 'Each post links to the original on its own site.',
  },
  {
    criterion: '3.1.2 Language of Parts',
    problem:
      'With Welsh chosen, the screens not yet translated (rules, sources, people, clearance, the dashboards’ figures and the records) show English text that is not marked as English.',
    alternative: 'Choose English in the header for those screens.',
  },
];

/** The checks a person has to make: what axe cannot judge. Each says when it was last done, or that it has not been. */
export const MANUAL_CHECKS: { check: string; criteria: string; lastDone: string | null }[] = [
  {
    check: 'Use every main flow with NVDA and Firefox, and with JAWS and Chrome',
    criteria: '1.3.1, 4.1.2, 4.1.3',
    lastDone: null,
  },
  { check: 'Use every main flow with VoiceOver on macOS and iOS', criteria: '1.3.1, 4.1.2', lastDone: null },
  { check: 'Use every main flow by voice (Dragon, Voice Control)', criteria: '2.5.3', lastDone: null },
  {
    check: 'Headings, labels and link text make sense out of context',
    criteria: '2.4.4, 2.4.6',
    lastDone: null,
  },
  { check: 'Error messages say what went wrong and how to fix it', criteria: '3.3.1, 3.3.3', lastDone: null },
  {
    check: 'Text spacing increased (WCAG 1.4.12 values) loses no content',
    criteria: '1.4.12',
    lastDone: null,
  },
  {
    check: 'Windows high-contrast (forced colours) mode keeps focus and state visible',
    criteria: '1.4.11, 2.4.7',
    lastDone: null,
  },
  {
    check: 'Charts are understandable from their summary and table alone',
    criteria: '1.1.1, 1.4.1',
    lastDone: null,
  },
  { check: 'A session ending warns first and keeps what was typed', criteria: '2.2.1', lastDone: null },
  {
    check: 'The Welsh text is reviewed by a Welsh speaker',
    criteria: '3.1.2 and the Welsh language standards',
    lastDone: null,
  },
];
