import type { CaseBundle } from '@parley/domain';
import { ROUTE_WORDS, STYLE, e, link, table, ukTime } from './html';

const detailText = (value: unknown): string =>
  value === null || value === undefined || (typeof value === 'object' && Object.keys(value).length === 0)
    ? ''
    : `<code>${e(JSON.stringify(value))}</code>`;

/** The case for a person to read or print: self-contained (no scripts, no outside assets), every value escaped. */
export const bundleSummaryHtml = (b: CaseBundle): string => {
  const title = b.conversation.title || 'Untitled conversation';
  const posts = b.thread
    .map(
      (p) => `<article class="post${p.byDepartment ? ' post--department' : ''}">
<p class="meta">${e(p.author.name ?? p.author.handle ?? 'Unknown author')}${p.byDepartment ? ` (${e(b.department.name)})` : ''} · ${e(ukTime(p.publishedAt))}${p.url ? ` · ${link(p.url, 'original post')}` : ''}</p>
<p>${e(p.text).replace(/\n/g, '<br>')}</p></article>`,
    )
    .join('\n');
  const records = Object.entries(b.records)
    .map(
      ([kind, rows]) =>
        `<h3>${e(kind.replace(/-/g, ' '))}</h3>${table(
          ['Record'],
          rows.map((r) => [detailText(r)]),
          'None.',
        )}`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>FOI case bundle: ${e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><main>
<p class="meta">Parley FOI case bundle${b.redacted ? ' · members of the public’s personal data removed' : ''}</p>
<h1>${e(title)}</h1>
<table><tbody>
<tr><th scope="row">Department</th><td>${e(b.department.name)}</td></tr>
<tr><th scope="row">Conversation</th><td>${link(b.conversation.url, `Conversation ${b.conversation.id}`)} on ${e(b.conversation.platform)} (source ${e(b.conversation.source)}), ${e(b.conversation.postCount)} posts by ${e(b.conversation.participantCount)} people</td></tr>
<tr><th scope="row">Status</th><td>${e(b.triage.status)}${b.triage.assignee ? `, assigned to ${e(b.triage.assignee)}` : ''}</td></tr>
<tr><th scope="row">Prepared</th><td>${e(ukTime(b.generatedAt))} (UK time) by ${e(b.generatedBy.name)}</td></tr>
</tbody></table>

<h2>Why Parley tagged it</h2>
<p>Score ${e(b.triage.score)} out of 100, tagged ${e(ukTime(b.triage.taggedAt))}. Suggested route: ${e(ROUTE_WORDS[b.triage.route] ?? b.triage.route)}. ${e(b.triage.routeReason)}</p>
${table(
  ['Signal', 'Evidence', 'Weight'],
  b.triage.signals.map((s) => [e(s.kind), e(s.detail), e(s.weight)]),
  'No signals recorded.',
)}
<h3>Listening rules, as they read when they tagged it</h3>
${table(
  ['Rule', 'Version', 'Query', 'Changed', 'By', 'Why'],
  b.ruleVersions.map((r) => [
    e(r.name),
    e(r.version),
    `<code>${e(r.query)}</code>`,
    e(ukTime(r.changedAt)),
    e(r.changedBy ?? ''),
    e(r.reason ?? ''),
  ]),
  'No rule versions found.',
)}

<h2>The thread</h2>
${posts || '<p class="none">No posts.</p>'}

<h2>What the department did</h2>
${table(
  ['When', 'Who', 'What', 'From', 'To', 'Detail'],
  b.timeline.map((t) => [
    e(ukTime(t.at)),
    e(t.actor ?? 'Parley'),
    e(t.kind),
    e(t.fromStatus ?? ''),
    e(t.toStatus ?? ''),
    detailText(t.detail),
  ]),
  'Nothing recorded yet.',
)}
<h3>Engagements</h3>
${table(
  ['Record'],
  b.engagements.map((r) => [detailText(r)]),
  'No engagement recorded.',
)}
${records}

<h2>Audit trail</h2>
${table(
  ['When', 'Who', 'What', 'Before', 'After'],
  b.audit.map((a) => [
    e(ukTime(a.at)),
    e(a.actorName ?? a.actor),
    e(a.description),
    detailText(a.before),
    detailText(a.after),
  ]),
  'No audited changes.',
)}
</main></body></html>
`;
};
