import type { ConversationItem, ConversationTag, ThreadPost } from '@parley/contracts';
import { iso, type ConversationRow, type TagRow, type ThreadPostRow } from '@parley/db';
import { authorKeyOf, slaState, type OpportunityStatus, type Platform, type Route } from '@parley/domain';
import { refreshTimeSignals } from '@parley/tagging';

/** What the mapper needs to say how things stand now: the clock, and when the public posted in the thread. */
export type ReadClock = { now: Date; publicPostTimes: Date[] };

/**
 * A tag as it stands now: signals that depend on the time (and so the score) are worked out when read, and so is
 * the SLA state, with the workflow's own rule.
 */
const tagOf = (t: TagRow, clock: ReadClock): ConversationTag => {
  const { signals, score } = refreshTimeSignals(t.signals, clock.publicPostTimes, clock.now);
  const status = t.status as OpportunityStatus;
  return {
    opportunityId: t.opportunityId,
    department: t.department,
    status,
    assignee: t.assignee,
    dueAt: iso(t.dueAt),
    sla: slaState(
      { status, dueAt: t.dueAt, dueSoonAt: t.dueSoonAt, firstResponseAt: t.firstResponseAt },
      clock.now,
    ),
    version: t.version,
    score,
    route: t.route as Route,
    routeReason: t.routeReason,
    rules: t.rules.map((r) => r.key),
    signals: signals.map((s) => ({ kind: s.kind, detail: s.detail })),
    resources: t.resources,
    firstPublicPostAt: iso(t.firstPublicPostAt),
  };
};

/** Engagement of the preferred department if it took part, else of the first visible department that did. */
const engagementOf = (tags: TagRow[], preferred: string | null): ConversationItem['engagement'] => {
  const engaged = tags.filter((t) => t.firstResponseAt !== null);
  const tag = engaged.find((t) => t.department === preferred) ?? (preferred ? undefined : engaged[0]);
  return tag
    ? {
        department: tag.department,
        firstResponseAt: iso(tag.firstResponseAt) as string,
        firstResponseSeconds: tag.firstResponseSeconds ?? 0,
      }
    : null;
};

/**
 * Retired tags are history: they no longer give a reason, but the engagement they recorded still counts. The one
 * exception is an inbox asked for retired work (`retiredOf`: its department), where the item is listed for it.
 */
export const conversationItemOf = (
  row: ConversationRow,
  tags: TagRow[],
  preferred: string | null,
  clock: ReadClock,
  retiredOf: string | null = null,
): ConversationItem => ({
  id: row.id,
  title: row.title,
  url: row.url,
  source: row.source,
  sourceName: row.sourceName,
  platform: (row.platform ?? 'web') as Platform,
  postCount: row.postCount,
  participantCount: row.participantCount,
  startedAt: iso(row.startedAt),
  lastActivityAt: iso(row.lastActivityAt),
  tags: tags.filter((t) => t.retiredAt === null || t.department === retiredOf).map((t) => tagOf(t, clock)),
  engagement: engagementOf(tags, preferred),
});

/** `withheld`: the authors (platform:handle) whose posts the caller must give a reason to read; their text is left out. */
export const threadPostOf = (
  p: ThreadPostRow,
  idsByExternal: Map<string, string>,
  withheld: ReadonlySet<string> = new Set(),
): ThreadPost => {
  const author = p.authorHandle ? authorKeyOf(p.platform, p.authorHandle) : null;
  const hidden = author !== null && !p.byDepartment && withheld.has(author) ? author : null;
  return {
    id: p.id,
    url: p.url,
    author: { name: p.authorName, handle: p.authorHandle },
    publishedAt: iso(p.publishedAt),
    text: hidden ? '' : p.text,
    inReplyTo: p.inReplyTo ? (idsByExternal.get(p.inReplyTo) ?? null) : null,
    byDepartment: p.byDepartment,
    withheld: hidden,
  };
};
