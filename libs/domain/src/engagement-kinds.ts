/** What a department did on a conversation: answered it, pointed to where the answer is, or posted on its own. */
export const ENGAGEMENT_KINDS = ['reply', 'pointer', 'original-post'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** The engagement triangle: telling, listening, or working something out with people. */
export const ENGAGEMENT_MODES = ['transmit', 'receive', 'collaborate'] as const;
export type EngagementMode = (typeof ENGAGEMENT_MODES)[number];

/** The kinds and modes in plain words, as the form explains them. */
export const ENGAGEMENT_KIND_LABELS: Record<EngagementKind, string> = {
  reply: 'A reply in the conversation',
  pointer: 'A pointer to information already published (GOV.UK, a help page)',
  'original-post': 'A new post of our own about it',
};
export const ENGAGEMENT_MODE_LABELS: Record<EngagementMode, { label: string; hint: string }> = {
  transmit: { label: 'Telling', hint: 'We gave information or corrected a mistake.' },
  receive: { label: 'Listening', hint: 'We asked for views or experiences, or thanked people for theirs.' },
  collaborate: {
    label: 'Working with people',
    hint: 'We are working something out with them, or say what we changed because of what they said.',
  },
};
