import { z } from 'zod';
import {
  firstUnstorable,
  formatDuration,
  MAX_INTERVAL_MS,
  MIN_INTERVAL_MS,
  parseDuration,
} from '@parley/domain';

/**
 * The most of each thing the api and the workspace document accept. Every one is far above real use (the demo's
 * longest name is 32 characters) and low enough that one value cannot bloat every page that shows it; they are
 * listed for administrators in examples/README.md.
 */
export const LIMITS = {
  departments: 200,
  rulesPerDepartment: 500,
  sources: 1_000,
  aliases: 50,
  accounts: 100,
  resources: 500,
  /** Names, titles, aliases, handles, token names: one line each. */
  name: 200,
  url: 2_000,
  resourceText: 20_000,
  query: 4_000,
  purpose: 1_000,
  reason: 500,
  /** A draft reply, and so the text the propriety check reads: far above any platform's post. */
  draft: 10_000,
  electionPeriods: 50,
  /** A department's expected events (a year of statistics releases and sitting days) and delivery partners. */
  expectedEvents: 1_000,
  partners: 200,
  tokenName: 100,
  /** A source setting's value (a token, an API key, a user agent). */
  setting: 2_000,
  email: 254,
} as const;

const count = (n: number): string => n.toLocaleString('en-GB');

/**
 * `name`: one line, shown in lists and history, so nothing that hides text or changes its direction (a rule name
 * with U+202E reads backwards). `query`: the same, but it may span lines. `prose`: free text such as a reason or a
 * resource's description; line breaks and right-to-left marks are part of ordinary writing there.
 */
export type TextForm = 'name' | 'query' | 'prose';

const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
// Bidirectional embeddings, overrides, isolates and marks.
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// Zero-width spaces and joiners, the word joiner and invisible operators, and the byte order mark.
const INVISIBLE = /[\u200B-\u200D\u2060-\u2064\uFEFF]/;

const codePoint = (text: string, index: number): string =>
  `U+${(text.codePointAt(index) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with the characters of `text` for its form, or null when nothing is. */
export const characterProblem = (text: string, what: string, form: TextForm): string | null => {
  const at = (index: number) => `${codePoint(text, index)} at character ${count(index + 1)}`;
  const unstorable = firstUnstorable(text);
  if (unstorable !== -1) {
    const unit = text.charCodeAt(unstorable);
    return unit >= 0xd800 && unit <= 0xdfff
      ? `${what} cannot contain a broken character (an unpaired surrogate, ${at(unstorable)}); type it again`
      : `${what} cannot contain control characters (${at(unstorable)})`;
  }
  if (form === 'prose') return null;
  const lineBreak = form === 'name' ? text.search(LINE_BREAK) : -1;
  if (lineBreak !== -1) return `${what} must be on one line (${at(lineBreak)})`;
  const direction = text.search(DIRECTION);
  if (direction !== -1) {
    return `${what} cannot contain characters that change the direction of text (${at(direction)}), which can make it display as something else`;
  }
  const invisible = text.search(INVISIBLE);
  if (invisible !== -1) return `${what} cannot contain invisible characters (${at(invisible)})`;
  return null;
};

export type TextRules = {
  /** The value as messages name it: "a department name". */
  what: string;
  max: number;
  form?: TextForm;
  /** The message when it is empty after trimming; without it, empty text is accepted. */
  required?: string;
};

/**
 * Text the api accepts: trimmed, at most `max` characters, and without characters Postgres refuses or (for names
 * and queries) that hide or reorder text; each message names the value, the rule and the limit.
 */
export const text = ({ what, max, form = 'name', required }: TextRules) => {
  const checked = z
    .string()
    .superRefine((value, ctx) => {
      const problem = characterProblem(value, what, form);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .trim();
  const filled = required ? checked.min(1, required) : checked;
  return filled.max(max, {
    error: (issue) =>
      `${what} is at most ${count(max)} characters (this one has ${count(String(issue.input).length)})`,
  });
};

export type ListRules = {
  /** The items as messages name them: "rules". */
  what: string;
  /** What holds the list: "a department". */
  within: string;
  max: number;
};

/** A list of at most `max` items; the message says the limit and how many there were. */
export const list = <Item extends z.ZodType>(item: Item, { what, within, max }: ListRules) =>
  z.array(item).max(max, {
    error: (issue) =>
      `${within} has at most ${count(max)} ${what} (this one has ${count((issue.input as unknown[]).length)})`,
  });

/** How often a source is fetched: a duration from 30s to 7d, such as 30s, 5m, 1h or 1d. */
export const interval = z.string().superRefine((value, ctx) => {
  // A duration is a few characters; a longer one is not echoed back in the message.
  const ms = value.length <= 24 ? parseDuration(value) : null;
  const message =
    ms === null
      ? 'interval must be a duration such as 30s, 5m, 1h or 1d'
      : ms < MIN_INTERVAL_MS
        ? `interval is at least ${formatDuration(MIN_INTERVAL_MS)} (this one is ${value.trim()})`
        : ms > MAX_INTERVAL_MS
          ? `interval is at most ${formatDuration(MAX_INTERVAL_MS)} (this one is ${value.trim()})`
          : null;
  if (message) ctx.addIssue({ code: 'custom', message });
});
