import type { ConversationItem, ConversationTag, ThreadPost } from '@parley/contracts';
import { iso, type ConversationRow, type TagRow, type ThreadPostRow } from '@parley/db';
import type { Platform, Route } from '@parley/domain';
import { refreshTimeSignals } from '@parley/tagging';

/** What the mapper needs to say how things stand now: the clock, and when the public posted in the thread. */
export type ReadClock = { now: Date; publicPostTimes: Date[] };

/** A live tag as it stands now: signals that depend on the time (and so the score) are worked out when read. */
const tagOf = (t: TagRow, clock: ReadClock): ConversationTag => {
  const { signals, score } = refreshTimeSignals(t.signals, clock.publicPostTimes, clock.now);
  return {
    opportunityId: t.opportunityId,
    department: t.department,
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

/** Retired tags are history: they no longer give a reason, but the engagement they recorded still counts. */
export const conversationItemOf = (
  row: ConversationRow,
  tags: TagRow[],
  preferred: string | null,
  clock: ReadClock,
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
  tags: tags.filter((t) => t.retiredAt === null).map((t) => tagOf(t, clock)),
  engagement: engagementOf(tags, preferred),
});

export const threadPostOf = (p: ThreadPostRow, idsByExternal: Map<string, string>): ThreadPost => ({
  id: p.id,
  url: p.url,
  author: { name: p.authorName, handle: p.authorHandle },
  publishedAt: iso(p.publishedAt),
  text: p.text,
  inReplyTo: p.inReplyTo ? (idsByExternal.get(p.inReplyTo) ?? null) : null,
  byDepartment: p.byDepartment,
});
