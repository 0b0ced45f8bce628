import { PERSONAL_DATA } from './personal-data';

/** What stands in for anything taken out of a quoted post. */
export const REMOVED = '[removed]';

/**
 * A greeting or title before a capitalised word names a person ("Hi Sarah", "Mrs Patel"), unless the word begins an
 * organisation ("Thank you Department for Education", "Hi HMRC team"): a public body's name is not personal data.
 */
const NAMED_PERSON =
  /\b((?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?|(?:Hi|Hello|Dear|Thanks|Thank you|Cheers)(?!\s+(?:there|all|everyone|both|folks|team|Department|Ministry|Office|Council|Government|Agency|Service|Home|Cabinet|Treasury|Team)\b))\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g;
/** An account named in the text (@someone, @someone@server.social): a member of the public's handle. */
const HANDLE = /(?<![\w.])@[\w.-]+(?:@[\w.-]+)?/g;
const SPACE = /\s+/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A post's text fit to quote in a report: the personal-data patterns the propriety check uses (email addresses,
 * phone, National Insurance and licence numbers, a postcode beside a name, case references), handles, names after a
 * greeting or title, and the names given (the author's, the thread's other members of the public) each replaced by
 * "[removed]"; then shortened at a word boundary to at most `maxLength` characters.
 */
export const redactExcerpt = (
  text: string,
  options: { names?: readonly string[]; maxLength?: number } = {},
): string => {
  let out = text.replace(SPACE, ' ').trim();
  for (const row of PERSONAL_DATA) {
    const pattern = new RegExp(
      row.pattern.source,
      row.pattern.flags.includes('g') ? row.pattern.flags : `${row.pattern.flags}g`,
    );
    const source = out;
    out = source.replace(pattern, (...args) => {
      const groups = args.slice(1, -2) as (string | undefined)[];
      const at = args.at(-2) as number;
      const match = Object.assign([args[0], ...groups], { index: at, input: source }) as RegExpExecArray;
      if (row.accept && !row.accept(match, source)) return args[0] as string;
      const part = row.group === undefined ? undefined : groups[row.group - 1];
      return part ? (args[0] as string).replace(part, REMOVED) : REMOVED;
    });
  }
  out = out.replace(HANDLE, REMOVED).replace(NAMED_PERSON, (_whole, lead: string) => `${lead} ${REMOVED}`);
  for (const name of options.names ?? []) {
    // Each word of a name on its own too: "Sarah Jones" is also written "Sarah".
    for (const part of [name, ...name.split(SPACE)].filter((p) => p.length >= 3)) {
      out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(part)}(?![\\p{L}\\p{N}])`, 'giu'), REMOVED);
    }
  }
  return shorten(out, options.maxLength ?? 240);
};

/** At most `max` characters, cut at the last space before it, with an ellipsis when anything was cut. */
const shorten = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
};
