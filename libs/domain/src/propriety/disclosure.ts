import { GUIDANCE } from './guidance';
import type { ProprietyFinding } from './types';
import { APOS, ORGANISATION } from './vocabulary';

/**
 * A reply speaks for the department when it says "we", "our" or "us", names the department or points to official
 * information; only then must it say who is speaking. A thank-you needs no introduction.
 */
const SPEAKS_FOR_WORK = new RegExp(
  `\\b(?:we${APOS}(?:re|ve|ll|d)|we|ours|our|us)\\b|\\bthe department\\b|\\bgov\\.uk\\b`,
  'i',
);

const TEAM = `(?:[\\w&'’-]+\\s+){0,4}(?:team|office|unit|desk|helpdesk|agency|department|service)`;
const INTRODUCES = `(?:this is|it${APOS}s|we${APOS}re|we are|I${APOS}m|I am|I work (?:at|for|in|with)|here at|on behalf of|speaking for|writing for|replying for|posting for|(?:I|we)${APOS}?(?:m| am|re| are) (?:\\w+ )?(?:from|at|with|in))`;

/** The ways a reply says who is speaking: "DVSA digital team here", "Sam from the HMRC team", a sign-off. */
const SAYS_WHO = [
  new RegExp(`\\b${TEAM}\\s+here\\b`, 'i'),
  new RegExp(`\\b(?:${ORGANISATION})\\s+here\\b`),
  new RegExp(`\\b${INTRODUCES}\\s+(?:the\\s+)?(?:${ORGANISATION})`, 'i'),
  new RegExp(`\\b${INTRODUCES}\\s+(?:the\\s+)?${TEAM}\\b`, 'i'),
  new RegExp(`\\bfrom the\\s+${TEAM}\\b`, 'i'),
  // A sign-off: "– Sam, DWP digital team", "^JS, HMRC", "Thanks, the DfE team".
  new RegExp(
    `(?:(?:^|\\s)[-–—~^]|\\b(?:[Tt]hanks|[Rr]egards|[Bb]est wishes|[Kk]ind regards|[Mm]any thanks))\\s*,?\\s*(?:[A-Z][\\w.]*\\s*,?\\s*){0,2}(?:the\\s+)?(?:${ORGANISATION}|${TEAM})\\W*$`,
  ),
];

export const disclosureFinding = (text: string): ProprietyFinding | null => {
  const speaking = SPEAKS_FOR_WORK.exec(text);
  if (!speaking || SAYS_WHO.some((pattern) => pattern.test(text))) return null;
  const start = speaking.index;
  const end = start + speaking[0].length;
  return { kind: 'disclosure', start, end, text: text.slice(start, end), ...GUIDANCE.disclosure };
};
