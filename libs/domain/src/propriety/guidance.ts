import type { ProprietyKind } from './types';

/** The words each kind's findings use unless a pattern says something more precise. */
export const GUIDANCE: Record<ProprietyKind, { message: string; advice: string }> = {
  announcement: {
    message:
      'This may announce a new policy, funding, date or decision. Announcements are the press office’s job.',
    advice:
      'Refer it to the press office, or link to where it has already been announced (for example on GOV.UK).',
  },
  'party-political': {
    message:
      'This reads as party political: it names, praises or criticises a party, a politician or the government in partisan terms, or campaigns. Civil servants must stay impartial.',
    advice:
      'Take it out. Describe what the policy is and how it affects people, not who is for or against it.',
  },
  parliament: {
    message:
      'This could pre-empt an announcement to Parliament or read as disrespect of Parliament. Parliament hears new policy first.',
    advice:
      'Take it out, or refer it to the press office; after the statement, link to what was said in Parliament.',
  },
  disclosure: {
    message:
      'This reply speaks about the department’s work but does not say who is speaking. People should know a civil servant is replying.',
    advice: 'Say which department or team you are, for example “Hi, DVSA digital team here”.',
  },
  'personal-data': {
    message: 'This looks like someone’s personal data. Posting it in public could break data protection law.',
    advice:
      'Take it out. Ask the person to use the official contact route (a form or helpline), never to post their details.',
  },
  promise: {
    message:
      'This promises an individual outcome or a date that the department may not be able to stand behind.',
    advice:
      'Give the published service standard instead (for example “most refunds are paid within 5 working days”) and say where to check progress.',
  },
  view: {
    message:
      'This gives a personal or departmental opinion on a contested policy. Views need clearance before they are posted.',
    advice:
      'Stick to the facts of the policy and link to them, or send the draft for clearance by a policy and a comms colleague.',
  },
  'election-period': {
    message: 'An election period is under way: what the department posts is restricted.',
    advice:
      'Post only essential public information (no new announcements or campaigning topics); a manager must approve it before it goes out.',
  },
};
