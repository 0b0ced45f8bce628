import type { ConversationTag } from '@parley/contracts';
import type { OpportunityStatus } from '@parley/domain';
import { i18n } from '../../../lib/i18n';

type Tone = 'blue' | 'green' | 'orange' | 'red' | 'grey' | 'purple';

/** The colour of each status's tag; the words (`status.*` in the message catalogue) carry the meaning. */
export const STATUS_TONES: Record<OpportunityStatus, Tone> = {
  new: 'blue',
  assigned: 'purple',
  drafting: 'purple',
  'in-clearance': 'orange',
  approved: 'green',
  responded: 'green',
  declined: 'grey',
  referred: 'grey',
  retired: 'grey',
};

/** "Assigned to you", "Assigned to Sam Patel", "Nobody is assigned". */
export const assigneeText = (assignee: ConversationTag['assignee'], myId: string): string => {
  if (!assignee) return i18n.t('card.nobodyAssigned');
  return assignee.id === myId
    ? i18n.t('card.assignedToYou')
    : i18n.t('card.assignedTo', { name: assignee.name });
};

const UNITS = [
  { word: 'day', ms: 86_400_000 },
  { word: 'hour', ms: 3_600_000 },
  { word: 'minute', ms: 60_000 },
];

/** The largest whole unit: "2 hours", "1 day", "5 minutes" (never less than a minute). */
const span = (ms: number): string => {
  const unit = UNITS.find((u) => ms >= u.ms) ?? UNITS[UNITS.length - 1];
  const count = Math.max(1, Math.floor(ms / unit.ms));
  return `${count} ${unit.word}${count === 1 ? '' : 's'}`;
};

/**
 * The first-response deadline in plain words: "Due in 2 hours", "Overdue by 1 day"; null when there is no promise
 * to keep (no SLA, already answered, or the work is closed).
 */
export const dueText = (tag: Pick<ConversationTag, 'dueAt' | 'sla'>, now: Date): string | null => {
  if (!tag.sla || !tag.dueAt) return null;
  const left = new Date(tag.dueAt).getTime() - now.getTime();
  if (tag.sla === 'overdue' || left <= 0) return `Overdue by ${span(-left)}`;
  return `Due in ${span(left)}`;
};
