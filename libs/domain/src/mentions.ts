/**
 * People a note mentions: `@` followed by their email address (`@sam.jones@dvsa.gov.uk`), at the start of the
 * note or after a space or bracket, so an address written plainly (`write to sam@x.gov.uk`) mentions nobody.
 * Lower-cased and each once, in order; trailing punctuation ends the address.
 */
const MENTION = /(?:^|[\s(])@([^\s@()<>,;:!?]+@[^\s@()<>,;:!?]+\.[^\s@()<>,;:!?]*[^\s@()<>,;:!?.])/g;

export const mentionsIn = (text: string): string[] => [
  ...new Set([...text.matchAll(MENTION)].map((m) => m[1].toLowerCase())),
];
