import type { ConversationItem } from '@parley/contracts';
import type { SignalKind } from '@parley/domain';

// Shared with the dashboards, so they live in lib; re-exported for this feature's existing imports.
export { ROUTE_LABELS, routeLabel, platformLabel } from '../../../lib/labels';

// Each label reads with its evidence after it: "Tone: 5 of 7 posts negative", "Activity: quiet for 14 days".
export const SIGNAL_LABELS: Record<SignalKind, string> = {
  rule: 'Listening rule',
  'own-thread': 'Reply to your post',
  question: 'Question',
  mention: 'Mentioned',
  'resource-match': 'Published material',
  velocity: 'Growing fast',
  participants: 'Participants',
  sentiment: 'Tone',
  reach: 'Reach',
  recency: 'Activity',
  'already-engaged': 'Already engaged',
  noise: 'Possible noise',
};

export const signalLabel = (kind: SignalKind): string => SIGNAL_LABELS[kind];

/** A source as the workspace names it ("Sample data (offline replay): Travel Talk"); its key only if unnamed. */
export const sourceLabel = (item: Pick<ConversationItem, 'source' | 'sourceName'>): string =>
  item.sourceName?.trim() || item.source;
