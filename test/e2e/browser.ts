/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const chromiumPath = (): string => {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium']).toString().trim();
  } catch {
    throw new Error(
      'Chromium is not installed: apt-get install -y chromium (tests never download browsers).',
    );
  }
};

/** Debian's Chromium, headless, with the background networking that this closed network refuses turned off. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  /** The rule's tags: the WCAG criteria it checks appear as `wcag143` (1.4.3). */
  tags: string[];
  nodes: { target: string[] }[];
};

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The axe-core version injected, for the accessibility statement's "how we tested". */
export const axeVersion = (): string =>
  (JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')) as { version: string }).version;

/** WCAG 2.2 A/AA checks with axe-core, injected from the npm package. */
export const accessibilityViolations = async (page: Page): Promise<AxeViolation[]> => {
  // Evaluated through the DevTools protocol: the app's CSP rightly forbids inline scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      tags: v.tags,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, WCAG_22_AA);
};
