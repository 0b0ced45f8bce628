import type { ConversationItem, ConversationTag } from '@parley/contracts';
import type { Route } from '@parley/domain';
import { ROUTE_LABELS, routeLabel } from './labels';

/** The tag for the department being viewed; a conversation can be tagged for several. */
export const tagFor = (
  item: Pick<ConversationItem, 'tags'>,
  department: string | null,
): ConversationTag | null => item.tags.find((tag) => tag.department === department) ?? item.tags[0] ?? null;

export type RouteCount = { Route: string; Conversations: number };

const ORDER = Object.keys(ROUTE_LABELS) as Route[];

/** One row per route, in the fixed order of the guidance, zeros included so the chart does not jump about. */
export const countByRoute = (
  items: Pick<ConversationItem, 'tags'>[],
  department: string | null,
): RouteCount[] => {
  const counts = new Map<Route, number>(ORDER.map((route) => [route, 0]));
  for (const item of items) {
    const tag = tagFor(item, department);
    if (tag) counts.set(tag.route, (counts.get(tag.route) ?? 0) + 1);
  }
  return ORDER.map((route) => ({ Route: routeLabel(route), Conversations: counts.get(route) ?? 0 }));
};

/** What goes before item `index` of `count` in a list read out as words: "a, b and c". */
export const listSeparator = (index: number, count: number): string => {
  if (index === 0) return '';
  return index === count - 1 ? ' and ' : ', ';
};

const joinWords = (parts: string[]): string =>
  parts.map((part, index) => `${listSeparator(index, parts.length)}${part}`).join('');

/** The chart in one sentence, always with its denominator. */
export const summariseRoutes = (rows: RouteCount[]): string => {
  const total = rows.reduce((sum, row) => sum + row.Conversations, 0);
  if (total === 0) return 'No conversations are shown, so there are no suggested routes to count.';
  const parts = rows
    .filter((row) => row.Conversations > 0)
    .sort((a, b) => b.Conversations - a.Conversations)
    .map((row) => `${row.Route.toLowerCase()} (${row.Conversations})`);
  const noun = total === 1 ? 'conversation' : 'conversations';
  return `Suggested routes for the ${total} ${noun} shown: ${joinWords(parts)}.`;
};
