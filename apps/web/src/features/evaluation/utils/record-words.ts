import type { InputCost, Survey } from '@parley/contracts';

/** Sciencewise's scale in words: what a person picks, never the number alone. */
export const INFLUENCE_LEVELS = [
  { level: 0, name: 'No influence yet', hint: 'Nothing from the exercise has reached the policy team.' },
  { level: 1, name: 'Insight sent to the policy team', hint: 'What people said was passed on.' },
  { level: 2, name: 'Cited in a submission', hint: 'A submission or options paper quotes it.' },
  {
    level: 3,
    name: 'Decision or text changed',
    hint: 'A policy decision or published text changed because of it.',
  },
] as const;

export const influenceName = (level: number): string => INFLUENCE_LEVELS[level]?.name ?? 'Not recorded';

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
export const formatPounds = (value: number): string => pounds.format(value);

const signedPoints = (value: number) =>
  `${Math.abs(value).toFixed(1)} percentage points ${value >= 0 ? 'higher' : 'lower'}`;
const share = (agree: number, n: number) =>
  n === 0
    ? 'no one was asked'
    : `${agree.toLocaleString('en-GB')} of ${n.toLocaleString('en-GB')} agreed (${Math.round((agree / n) * 100)}%)`;

/** A survey's before and after, and how sure the change is, in a sentence a person can repeat. */
export const surveyWords = (s: Pick<Survey, 'before' | 'after' | 'change' | 'ciLow' | 'ciHigh'>) => {
  const asked = `Before, ${share(s.before.agree, s.before.n)}. After, ${share(s.after.agree, s.after.n)}.`;
  if (s.change === null || s.ciLow === null || s.ciHigh === null)
    return `${asked} There is no change to show until both surveys asked someone.`;
  const change =
    s.change === 0 ? 'Agreement did not change' : `Agreement was ${signedPoints(s.change)} afterwards`;
  const range = `somewhere between ${s.ciLow >= 0 ? '' : 'minus '}${Math.abs(s.ciLow).toFixed(1)} and ${s.ciHigh >= 0 ? '' : 'minus '}${Math.abs(s.ciHigh).toFixed(1)} points`;
  const sure =
    s.ciLow > 0
      ? 'so it very likely rose'
      : s.ciHigh < 0
        ? 'so it very likely fell'
        : 'so the surveys cannot tell whether it really changed';
  return `${asked} ${change}: we can be 95% confident the real change is ${range}, ${sure}.`;
};

/** Staff hours × hourly rate + tool cost: the pounds a period of engagement took. */
export const costTotal = (c: Pick<InputCost, 'staffHours' | 'hourlyRate' | 'toolCost'>): number =>
  c.staffHours * c.hourlyRate + c.toolCost;

/** The cost of each of the department's engagements in the record's period, or why there is none. */
export const costPerEngagementWords = (c: InputCost): string => {
  const total = formatPounds(costTotal(c));
  if (c.engagements === undefined) return `${total} in all.`;
  if (c.engagements === 0)
    return `${total} in all. There were no engagements in this period to divide it by.`;
  if (c.engagements === 1) return `${total} in all, for the one engagement in this period.`;
  const each = formatPounds(Math.round((costTotal(c) / c.engagements) * 100) / 100);
  return `${total} in all: ${each} for each of the ${c.engagements.toLocaleString('en-GB')} engagements in this period.`;
};

/**
 * A conversation picked by pasting: its Parley link (`…/conversations/123`) or its number. Null when the text is
 * neither, so the form can say so rather than link the wrong thing.
 */
export const conversationIdFrom = (text: string): string | null => {
  const trimmed = text.trim();
  if (/^\d{1,18}$/.test(trimmed)) return trimmed;
  const match = /\/conversations\/(\d{1,18})(?:[/?#]|$)/.exec(trimmed);
  return match ? match[1] : null;
};

/** A typed number, or undefined for an empty box; what is not a number is sent as typed for the api to name. */
export const numberOrText = (text: string): number | string | undefined => {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return undefined;
  const value = Number(trimmed.replace(/^£/, ''));
  return Number.isFinite(value) ? value : text;
};

/** The day of an instant as the forms take it (`2026-03-01`), so an unchanged field reads as it was entered. */
export const dayOf = (iso: string | null): string => (iso ? iso.slice(0, 10) : '');

/** Only what changed, for a PATCH: a field left as it was is not sent, so its exact stored time is kept. */
export const changedFields = <T extends Record<string, unknown>>(before: T, after: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(after).filter(([key, value]) => JSON.stringify(before[key]) !== JSON.stringify(value)),
  ) as Partial<T>;

const londonDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
/** `5 January 2026`: records are entered as days, so they are shown as days (UK time). */
export const formatDay = (iso: string): string => londonDay.format(new Date(iso));
