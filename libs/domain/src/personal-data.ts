/**
 * Personal data in free text, as UK public-service comms teams meet it: email addresses, UK phone numbers,
 * National Insurance numbers, postcodes, and case or reference numbers. One table of patterns, used to find spans
 * (the propriety checker's personal-data finding) and to redact them (the FOI bundle's `redact=public`).
 */
export const PERSONAL_DATA_KINDS = ['email', 'phone', 'ni-number', 'postcode', 'reference'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export type PersonalDataSpan = { kind: PersonalDataKind; start: number; end: number; text: string };

type Pattern = {
  kind: PersonalDataKind;
  pattern: RegExp;
  /** The capture group holding the personal data itself, when the pattern also matches words around it. */
  group?: number;
  /** A second look at a match the pattern alone cannot judge. */
  accept?: (match: string) => boolean;
};

/** A UK number has 10 or 11 digits once +44 is read as the leading 0. */
const ukPhoneDigits = (match: string): boolean => {
  const digits = match.replace(/^\+44\s?(\(0\))?/, '0').replace(/\D/g, '');
  return digits.startsWith('0') && digits.length >= 10 && digits.length <= 11;
};

const PATTERNS: Pattern[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  {
    kind: 'phone',
    pattern: /(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w])/g,
    accept: ukPhoneDigits,
  },
  {
    // Two prefix letters (HMRC never issues D, F, I, U or V first, nor O second, nor the prefixes BG, GB, KN, NK,
    // NT, TN, ZZ; Q is kept, as QQ 12 34 56 C is the number people copy from examples), six digits, a suffix A–D;
    // written with or without spaces.
    kind: 'ni-number',
    pattern: /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-TW-Z][A-CEGHJ-NP-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi,
  },
  { kind: 'postcode', pattern: /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[A-Z]{2}\b/gi },
  {
    kind: 'reference',
    pattern:
      /\b(?:case|claim|customer|account|application|reference|ref)\.?\s*(?:no\.?|number|#)?\s*[:#]?\s*(?:is\s+)?((?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{4,})/gi,
    group: 1,
  },
];

/** Every span of personal data in `text`, in order; where two overlap, the one starting first is kept. */
export const findPersonalData = (text: string): PersonalDataSpan[] => {
  const found: PersonalDataSpan[] = [];
  for (const { kind, pattern, group, accept } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const value = group === undefined ? match[0] : match[group];
      if (!value || (accept && !accept(value))) continue;
      const start = (match.index ?? 0) + (group === undefined ? 0 : match[0].lastIndexOf(value));
      found.push({ kind, start, end: start + value.length, text: value });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter(
    (span, i) => !found.slice(0, i).some((kept) => span.start < kept.end && kept.start < span.end),
  );
};

export const REDACTED_LABELS: Record<PersonalDataKind, string> = {
  email: '[email address removed]',
  phone: '[phone number removed]',
  'ni-number': '[National Insurance number removed]',
  postcode: '[postcode removed]',
  reference: '[reference number removed]',
};

/** A person whose name and handle stand in for them: "Member of the public 2". */
export type Pseudonym = { names: readonly string[]; replacement: string };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const namePattern = (names: readonly string[]): RegExp | null =>
  names.length
    ? new RegExp(
        `(?<![\\w@])@?(?:${[...names]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|')})(?![\\w])`,
        'giu',
      )
    : null;

/**
 * `text` with each named member of the public (their display names and handles, with or without the @) replaced
 * by their pseudonym, and personal data by labels. Both are found in the original text and, where they overlap, the
 * one starting first (then the longer) is replaced: `priya.shah@example.com` is an email address, not Priya.
 * Names of one or two letters are left: replacing them would mangle ordinary words.
 */
export const redactPublicText = (text: string, people: readonly Pseudonym[] = []): string => {
  const byName = new Map<string, string>();
  for (const person of people) {
    for (const name of person.names) {
      const bare = name.replace(/^@/, '').trim().toLowerCase();
      if (bare.length > 2 && !byName.has(bare)) byName.set(bare, person.replacement);
    }
  }
  const spans: { start: number; end: number; replacement: string }[] = findPersonalData(text).map((s) => ({
    start: s.start,
    end: s.end,
    replacement: REDACTED_LABELS[s.kind],
  }));
  const names = namePattern([...byName.keys()]);
  for (const match of names ? text.matchAll(names) : []) {
    const start = match.index ?? 0;
    const replacement = byName.get(match[0].replace(/^@/, '').toLowerCase());
    if (replacement) spans.push({ start, end: start + match[0].length, replacement });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    out += text.slice(at, span.start) + span.replacement;
    at = span.end;
  }
  return out + text.slice(at);
};
