import {
  ENGAGEMENT_KIND_LABELS,
  ENGAGEMENT_MODE_LABELS,
  csvRow,
  type EngagementKind,
  type EngagementMode,
  type EngagementRecord,
  type RecordsExportHeading,
} from '@parley/domain';
import { ROUTE_WORDS, STYLE, e, link, table, ukTime } from './html';

/**
 * The records export in three open formats, each written a record at a time from a stream of records, so a long
 * period never sits in memory: a JSON document, a CSV of engagements (one row each), and one self-contained,
 * accessible HTML page.
 */
export type RecordsWriter = (
  heading: RecordsExportHeading,
  records: AsyncIterable<EngagementRecord>,
) => AsyncGenerator<string>;

/** Names the document's shape, so a records system can tell which layout it holds. */
const JSON_FORMAT = 'parley-engagement-records/1';

export async function* recordsJson(
  heading: RecordsExportHeading,
  records: AsyncIterable<EngagementRecord>,
): AsyncGenerator<string> {
  yield `${JSON.stringify({ format: JSON_FORMAT, ...heading }).slice(0, -1)},"records":[`;
  let first = true;
  for await (const record of records) {
    yield `${first ? '' : ','}\n${JSON.stringify(record)}`;
    first = false;
  }
  yield '\n]}\n';
}

const kindWords = (kind: string) => ENGAGEMENT_KIND_LABELS[kind as EngagementKind] ?? kind;
const modeWords = (mode: string | null) =>
  mode ? (ENGAGEMENT_MODE_LABELS[mode as EngagementMode]?.label ?? mode) : null;
const howWords = (r: EngagementRecord) =>
  r.how === 'published' ? 'Published from Parley' : 'Posted elsewhere and recorded in Parley';

/** The clearance trail in a sentence a spreadsheet cell can hold. */
const clearanceText = (r: EngagementRecord): string =>
  (r.draft?.clearance ?? [])
    .map(
      (c) =>
        `Version ${c.version} submitted by ${c.submittedBy ?? 'someone no longer in Parley'} at ${c.submittedAt}: ` +
        `${c.outcome ?? 'still open'}` +
        (c.reviews.length
          ? ` (${c.reviews.map((v) => `${v.reviewer ?? 'unknown'}, ${v.role}: ${v.decision}${v.comment ? ` — ${v.comment}` : ''}`).join('; ')})`
          : ''),
    )
    .join(' | ');

const CSV_COLUMNS: readonly {
  header: string;
  value: (r: EngagementRecord) => string | number | boolean | null;
}[] = [
  { header: 'Record id', value: (r) => r.id },
  { header: 'Posted (UTC)', value: (r) => r.postedAt },
  { header: 'How', value: howWords },
  { header: 'What', value: (r) => kindWords(r.kind) },
  { header: 'Mode', value: (r) => modeWords(r.mode) },
  { header: 'Route', value: (r) => (r.route ? (ROUTE_WORDS[r.route] ?? r.route) : null) },
  { header: 'Platform', value: (r) => r.platform },
  { header: 'Account', value: (r) => r.account },
  { header: 'Link', value: (r) => r.url },
  { header: 'Text', value: (r) => r.text },
  { header: 'Outcome notes', value: (r) => r.outcome },
  { header: 'Says what changed (you said, we did)', value: (r) => (r.closesLoop ? 'yes' : 'no') },
  { header: 'Recorded by', value: (r) => r.recordedBy.name },
  { header: 'Recorded by (email)', value: (r) => r.recordedBy.email },
  { header: 'Recorded (UTC)', value: (r) => r.recordedAt },
  { header: 'Conversation id', value: (r) => r.conversation.id },
  { header: 'Conversation', value: (r) => r.conversation.title },
  { header: 'Conversation link', value: (r) => r.conversation.url },
  { header: 'Source', value: (r) => r.conversation.source },
  { header: 'Replied to (link)', value: (r) => r.repliedTo?.url ?? null },
  { header: 'Replied to (author)', value: (r) => r.repliedTo?.author ?? null },
  { header: 'Replied to (handle)', value: (r) => r.repliedTo?.handle ?? null },
  { header: 'Replied to (posted, UTC)', value: (r) => r.repliedTo?.publishedAt ?? null },
  { header: 'Replied to (text)', value: (r) => r.repliedTo?.text ?? null },
  { header: 'Draft versions', value: (r) => r.draft?.versions.length ?? 0 },
  { header: 'Clearance', value: clearanceText },
  { header: 'FOI case bundle', value: (r) => r.conversation.bundleUrl },
];

export async function* recordsCsv(
  _heading: RecordsExportHeading,
  records: AsyncIterable<EngagementRecord>,
): AsyncGenerator<string> {
  yield csvRow(CSV_COLUMNS.map((c) => c.header));
  for await (const record of records) yield csvRow(CSV_COLUMNS.map((c) => c.value(record)));
}

const paragraphs = (text: string) => e(text).replace(/\n/g, '<br>');

const recordHtml = (r: EngagementRecord, n: number): string => {
  const headingId = `record-${n}`;
  const rows: [string, string][] = [
    ['Posted', `${e(ukTime(r.postedAt))} (UK time)${r.url ? ` · ${link(r.url, 'the post')}` : ''}`],
    ['How', e(howWords(r))],
    ['From', e([r.platform, r.account].filter(Boolean).join(' · ') || 'Not recorded')],
    ['Mode', e(modeWords(r.mode) ?? 'Not recorded')],
    ['Route', e(r.route ? (ROUTE_WORDS[r.route] ?? r.route) : 'Not recorded')],
    [
      'Recorded by',
      `${e(r.recordedBy.name ?? 'Someone no longer in Parley')}${r.recordedBy.email ? ` (${e(r.recordedBy.email)})` : ''}, ${e(ukTime(r.recordedAt))}`,
    ],
    [
      'Conversation',
      `${link(r.conversation.url, r.conversation.title || `Conversation ${r.conversation.id}`)} (source ${e(r.conversation.source)})`,
    ],
    ['FOI case bundle', link(r.conversation.bundleUrl, 'Download the case bundle (ZIP)')],
  ];
  if (r.outcome) rows.push(['Outcome notes', paragraphs(r.outcome)]);
  if (r.closesLoop)
    rows.push(['You said, we did', 'The reply says what changed because of what people said.']);
  const answered = r.repliedTo
    ? `<h3>The post it answered</h3>
<blockquote class="post"><p class="meta">${e(r.repliedTo.author ?? r.repliedTo.handle ?? 'Unknown author')} · ${e(ukTime(r.repliedTo.publishedAt))}${r.repliedTo.url ? ` · ${link(r.repliedTo.url, 'original post')}` : ''}</p>
<p>${paragraphs(r.repliedTo.text) || '<span class="none">The text is no longer held.</span>'}</p></blockquote>`
    : '';
  const drafts = r.draft
    ? `<h3>Drafts</h3>${table(
        ['Version', 'Saved by', 'Saved', 'Text'],
        r.draft.versions.map((v) => [
          e(v.version),
          e(v.savedBy ?? ''),
          e(ukTime(v.savedAt)),
          paragraphs(v.text),
        ]),
        'No draft versions kept.',
      )}
<h3>Clearance</h3>${table(
        ['Version', 'Submitted by', 'Submitted', 'Outcome', 'Reviews'],
        r.draft.clearance.map((c) => [
          e(c.version),
          e(c.submittedBy ?? ''),
          e(ukTime(c.submittedAt)),
          e(c.outcome ?? 'Still open'),
          c.reviews
            .map(
              (v) =>
                `${e(v.reviewer ?? 'Unknown')} (${e(v.role)}): ${e(v.decision)}${v.comment ? ` — ${e(v.comment)}` : ''}, ${e(ukTime(v.at))}`,
            )
            .join('<br>'),
        ]),
        'Not submitted for clearance.',
      )}`
    : '<p class="none">Not drafted in Parley.</p>';
  return `<section aria-labelledby="${headingId}">
<h2 id="${headingId}">${e(kindWords(r.kind))}, ${e(ukTime(r.postedAt))}</h2>
<table><tbody>${rows.map(([h, v]) => `<tr><th scope="row">${e(h)}</th><td>${v}</td></tr>`).join('')}</tbody></table>
<h3>What the department said</h3>
<blockquote class="post post--department"><p>${r.text ? paragraphs(r.text) : '<span class="none">The text was not recorded.</span>'}</p></blockquote>
${answered}
${drafts}
</section>`;
};

export async function* recordsHtml(
  heading: RecordsExportHeading,
  records: AsyncIterable<EngagementRecord>,
): AsyncGenerator<string> {
  const title = `Engagement records: ${heading.department.name}, ${heading.period.from} to ${heading.period.to}`;
  yield `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><main>
<p class="meta">Parley records export</p>
<h1>${e(title)}</h1>
<p>The replies, pointers and posts ${e(heading.department.name)} recorded or published through Parley, posted between
${e(heading.period.from)} and ${e(heading.period.to)} (whole days, UTC), each with the conversation, the post it answered
and its drafts and clearance. Prepared ${e(ukTime(heading.generatedAt))} (UK time) by ${e(heading.generatedBy.name)}.</p>
`;
  let n = 0;
  for await (const record of records) {
    n += 1;
    yield `${recordHtml(record, n)}\n`;
  }
  yield `${n === 0 ? '<p class="none">No replies were recorded or published through Parley in this period.</p>' : `<p>${n} record${n === 1 ? '' : 's'} in all.</p>`}
</main></body></html>
`;
}

export const RECORDS_WRITERS = {
  json: { write: recordsJson, type: 'application/json; charset=utf-8', extension: 'json' },
  csv: { write: recordsCsv, type: 'text/csv; charset=utf-8', extension: 'csv' },
  html: { write: recordsHtml, type: 'text/html; charset=utf-8', extension: 'html' },
} as const satisfies Record<string, { write: RecordsWriter; type: string; extension: string }>;
