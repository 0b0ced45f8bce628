/**
 * Named zones seen in real feeds, as UTC offsets. JavaScript's Date reads only the North American ones (EST,
 * PDT, …) and GMT/UT; the rest (MET, CEST, BST, JST, …) make it fail. Ambiguous names (IST: India, Ireland or
 * Israel) are left out, so such a date fails rather than being read wrong.
 */
const ZONE_OFFSETS: Record<string, string> = {
  UT: '+0000',
  UTC: '+0000',
  GMT: '+0000',
  Z: '+0000',
  WET: '+0000',
  WEST: '+0100',
  BST: '+0100',
  CET: '+0100',
  CEST: '+0200',
  MET: '+0100',
  MEST: '+0200',
  MEZ: '+0100',
  MESZ: '+0200',
  EET: '+0200',
  EEST: '+0300',
  MSK: '+0300',
  AST: '-0400',
  ADT: '-0300',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
  AKST: '-0900',
  AKDT: '-0800',
  HST: '-1000',
  SGT: '+0800',
  HKT: '+0800',
  AWST: '+0800',
  JST: '+0900',
  KST: '+0900',
  ACST: '+0930',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  NZDT: '+1300',
};

// A zone name at the end of the date, possibly in brackets: "… 04:00:00 MET", "… 04:00:00 (PDT)". It is replaced
// before Date sees it, because Date takes a bracketed name for a comment and reads the time as local.
const TRAILING_ZONE = /\s\(?([A-Za-z]{1,4})\)?$/;

const withNumericZone = (value: string): string =>
  value.replace(TRAILING_ZONE, (match, zone: string) => {
    const offset = ZONE_OFFSETS[zone.toUpperCase()];
    return offset ? ` ${offset}` : match;
  });

const isValid = (date: Date): boolean => !Number.isNaN(date.getTime());

/** Parses a feed date (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed, and the usual mess); null when unreadable. */
export const parseFeedDate = (value: string | null): Date | null => {
  if (!value) return null;
  const text = value.trim();
  const date = [withNumericZone(text), text].map((candidate) => new Date(candidate)).find(isValid);
  return date ?? null;
};
