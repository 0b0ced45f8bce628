import type { PatternRow } from './patterns';

/**
 * Personal data of a member of the public, as patterns with the small rules that tell it from the department's own
 * details: an official mailbox (enquiries@…gov.uk) or helpline (0300, 0800) is public, a person's is not.
 */

const PUBLIC_SECTOR_MAIL =
  /\.(?:gov\.uk|nhs\.uk|nhs\.net|police\.uk|mod\.uk|parliament\.uk|gov\.scot|gov\.wales)$/i;
const FUNCTIONAL_MAILBOX =
  /(?:enquir|contact|info|help|support|press|media|news|foi|complaint|feedback|customer|service|team|office|admin|correspondence|general|public|reply|digital|web|accessibility|data|dpo|privacy|mailbox|unit|desk|booking|applications?)/i;

const isOfficialMailbox = (address: string): boolean => {
  const [local, domain] = address.split('@');
  return PUBLIC_SECTOR_MAIL.test(domain) && FUNCTIONAL_MAILBOX.test(local);
};

/** UK numbers are 10 or 11 digits written from 0 (+44 stands for the 0). */
const isUkLength = (number: string): boolean => {
  const digits = number.replace(/\D/g, '').replace(/^44/, '0');
  return digits.length === 10 || digits.length === 11;
};

/** Prefixes HMRC never issues in a National Insurance number. */
const NI_NEVER = /^(?:BG|GB|NK|KN|TN|NT|ZZ)/i;

/** A person named in the text (a greeting, a title), or a house address, makes a postcode theirs. */
const PERSON =
  /\b(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z]+|(?:Hi|Hello|Dear|Thanks|Thank you|Morning|Afternoon)\s+(?!there\b|all\b|everyone\b|both\b|folks\b|team\b)[A-Z][a-z]+|my name is|\d{1,4}[a-z]?\s+[A-Z][a-z]+\s+(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Place|Gardens|Grove|Terrace|Row|Hill|Square|Mews|Walk))\b/;
/** The address of a public building (a jobcentre, a test centre, a court) is not personal. */
const PUBLIC_BUILDING =
  /\b(?:House|Centre|Center|Office|Jobcentre|Court|Station|Hospital|Tower|Building|Buildings|Plaza|Hall|Library|Unit|Business Park|PO Box|Freepost|Headquarters|HQ)\b(?!\s+(?:Road|Rd|Street|St|Avenue|Lane|Close|Drive|Way|Hill|Square))[^.!?\n]{0,40}$/i;

const postcodeIsPersonal = (match: RegExpExecArray, text: string): boolean => {
  const before = text.slice(Math.max(0, match.index - 80), match.index);
  return PERSON.test(text) && !PUBLIC_BUILDING.test(before);
};

/** A reference has a digit, at least six characters, and is not a year ("tax year 2024/25"). */
const isReference = (match: RegExpExecArray): boolean => {
  const value = match[1] ?? '';
  return (
    /\d/.test(value) &&
    value.replace(/\W/g, '').length >= 6 &&
    !/^(?:19|20)\d{2}(?:[/-]\d{2,4})?$/.test(value)
  );
};

export const PERSONAL_DATA: readonly PatternRow[] = [
  {
    kind: 'personal-data',
    name: 'an email address',
    pattern: /\b[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}\b/i,
    accept: (match) => !isOfficialMailbox(match[0]),
    message:
      'This looks like a person’s email address. Posting it in public could break data protection law.',
  },
  {
    kind: 'personal-data',
    name: 'a UK mobile or landline number',
    // Mobile (07) and geographic (01, 02) numbers; 03, 08 and 09 numbers are organisations' lines.
    pattern:
      /(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|\b0)(?:7\d{3}|1\d{2,4}|2\d)[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d-])/,
    accept: (match) => isUkLength(match[0]),
    message: 'This looks like a person’s phone number. Posting it in public could break data protection law.',
  },
  {
    kind: 'personal-data',
    name: 'a National Insurance number',
    pattern: /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/i,
    accept: (match) => !NI_NEVER.test(match[0]),
    message: 'This looks like a National Insurance number. It must never be posted in public.',
  },
  {
    kind: 'personal-data',
    name: 'a driving licence number',
    pattern: /\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b/i,
    message: 'This looks like a driving licence number. It must never be posted in public.',
  },
  {
    kind: 'personal-data',
    name: 'a postcode with a name or address',
    pattern: /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b/i,
    accept: postcodeIsPersonal,
    message:
      'This looks like someone’s postcode, beside their name or address: together they say where a person lives.',
  },
  {
    kind: 'personal-data',
    name: 'a case or reference number',
    pattern:
      /\b(?:case|reference|ref|claim|application|customer|booking|ticket|tracking|complaint|appeal|UTR|unique taxpayer reference|NHS|passport|licence|license|account|order|enquiry|query)\.?\s*(?:number|no\.?|num|#|ID|reference|ref\.?|code)?\s*(?:is\s*)?[:#]?\s*([A-Z0-9]+(?:[/-][A-Z0-9]+)*(?:\s\d{3,})*)/i,
    group: 1,
    accept: isReference,
    message:
      'This looks like a case or reference number of a member of the public. With it, others could find or use their case.',
  },
];
