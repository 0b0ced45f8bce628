import type { ConversationItem, ConversationTag, ThreadPost } from '@parley/contracts';
import { iso, type ConversationRow, type TagRow, type ThreadPostRow } from '@parley/db';
import type { Platform, Route, SignalKind } from '@parley/domain';

const tagOf = (t: TagRow): ConversationTag => ({
  department: t.department,
  score: t.score,
  route: t.route as Route,
  routeReason: t.routeReason,
  rules: t.rules.map((r) => r.key),
  signals: t.signals.map((s) => ({ kind: s.kind as SignalKind, detail: s.detail })),
  resources: t.resources,
});

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

export const conversationItemOf = (
  row: ConversationRow,
  tags: TagRow[],
  preferred: string | null,
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
  tags: tags.map(tagOf),
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
