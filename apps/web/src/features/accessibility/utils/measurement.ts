import measuredJson from '../measured.json';

/** One automated failure on a page: the axe rule, what it asks for, the WCAG criteria and where it was seen. */
export type MeasuredViolation = {
  id: string;
  impact: string | null;
  help: string;
  /** WCAG success criteria the rule checks, as "1.4.3". */
  criteria: string[];
  /** The contexts (see `Measurement.contexts`) in which the page failed the rule. */
  seenIn: string[];
  /** How many elements failed, in the context where most did. */
  elements: number;
};

export type MeasuredPage = {
  name: string;
  path: string;
  violations: MeasuredViolation[];
  /** Contexts in which the page scrolled sideways (content wider than the viewport). */
  overflowsIn: string[];
};

/**
 * What `test/e2e/accessibility.e2e-spec.ts` measured, written to `measured.json` when it runs with
 * PARLEY_RECORD_ACCESSIBILITY=1 and committed, so the statement says what was actually found.
 */
export type Measurement = {
  measuredAt: string | null;
  tool: { axe: string; browser: string } | null;
  standard: string;
  /** The axe rule tags run (wcag2a … wcag22aa). */
  tags: string[];
  /** Each way every page was loaded: its name, viewport and emulation, in words. */
  contexts: { id: string; description: string }[];
  pages: MeasuredPage[];
  keyboardWalk: { passed: boolean; flows: string[]; failure: string | null } | null;
};

export const MEASUREMENT = measuredJson as Measurement;

export const failingPages = (measurement: Measurement): MeasuredPage[] =>
  measurement.pages.filter((page) => page.violations.length > 0 || page.overflowsIn.length > 0);

/** Each failing axe rule once, with every page it was found on: the statement lists problems, not pages. */
export const violationsByRule = (
  measurement: Measurement,
): { violation: MeasuredViolation; pages: string[] }[] => {
  const byRule = new Map<string, { violation: MeasuredViolation; pages: string[] }>();
  for (const page of measurement.pages) {
    for (const violation of page.violations) {
      const entry = byRule.get(violation.id) ?? { violation, pages: [] };
      entry.pages.push(page.name);
      byRule.set(violation.id, entry);
    }
  }
  return [...byRule.values()];
};

/** Full compliance may only be claimed when the checks ran, found nothing, and nothing is known to fail. */
export const complianceOf = (
  measurement: Measurement,
  knownIssues: number,
): 'full' | 'partial' | 'unknown' => {
  if (!measurement.measuredAt || measurement.pages.length === 0) return 'unknown';
  const keyboardOk = measurement.keyboardWalk?.passed ?? false;
  return failingPages(measurement).length === 0 && keyboardOk && knownIssues === 0 ? 'full' : 'partial';
};
