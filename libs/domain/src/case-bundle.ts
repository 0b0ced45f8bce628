import { redactPublicText, type Pseudonym } from './personal-data';

/**
 * An FOI case bundle: everything Parley holds about one department's handling of one conversation, as it is
 * disclosed. Times are ISO strings; people are named as Parley knows them.
 */
export type BundlePost = {
  id: string;
  url: string | null;
  platform: string;
  author: { name: string | null; handle: string | null; profileUrl: string | null };
  /** The department's key when one of its own accounts wrote the post; null for a member of the public. */
  byDepartment: string | null;
  publishedAt: string | null;
  text: string;
  inReplyTo: string | null;
};

export type BundleTimelineEntry = {
  at: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: string | null;
  detail: Record<string, unknown>;
};

export type BundleAuditEntry = {
  at: string;
  actor: string;
  actorName: string | null;
  action: string;
  description: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

export type CaseBundle = {
  generatedAt: string;
  generatedBy: { name: string; email: string };
  /** Whether members of the public's names, handles, profile links and personal data were replaced. */
  redacted: boolean;
  department: { key: string; name: string };
  conversation: {
    id: string;
    title: string | null;
    url: string | null;
    source: string;
    platform: string;
    postCount: number;
    participantCount: number;
    startedAt: string | null;
    lastActivityAt: string | null;
  };
  thread: BundlePost[];
  triage: {
    opportunityId: string;
    score: number;
    route: string;
    routeReason: string;
    signals: { kind: string; detail: string; weight: number }[];
    resources: { title: string; url: string }[];
    status: string;
    assignee: string | null;
    declineReason: string | null;
    taggedAt: string;
    firstResponseAt: string | null;
    retiredAt: string | null;
    retiredReason: string | null;
  };
  ruleVersions: {
    key: string;
    version: number;
    name: string;
    query: string;
    queryBefore: string | null;
    enabled: boolean;
    reason: string | null;
    changedAt: string;
    changedBy: string | null;
  }[];
  timeline: BundleTimelineEntry[];
  engagements: Record<string, unknown>[];
  /** Other records of the case by kind (drafts, draft versions, reviews, referrals), as their modules keep them. */
  records: Record<string, Record<string, unknown>[]>;
  audit: BundleAuditEntry[];
};

const PUBLIC = 'Member of the public';

/** A pseudonym per member of the public, numbered in the order they first post; the department's accounts keep theirs. */
export const publicPseudonyms = (thread: readonly BundlePost[]): Map<string, Pseudonym> => {
  const people = new Map<string, Pseudonym>();
  for (const post of thread) {
    if (post.byDepartment) continue;
    const key = (post.author.handle ?? post.author.name ?? '').toLowerCase();
    if (people.has(key)) continue;
    const handle = post.author.handle ?? '';
    people.set(key, {
      names: [post.author.name, handle, handle.split('@').filter(Boolean)[0]].filter((n): n is string => !!n),
      replacement: `${PUBLIC} ${people.size + 1}`,
    });
  }
  return people;
};

/** Every string inside a JSON value, redacted; keys and other values as they were. */
const redactDeep = (value: unknown, redact: (s: string) => string): unknown => {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)]));
  }
  return value;
};

/**
 * The bundle as disclosed to the public under `redact=public`: each member of the public becomes "Member of the
 * public N" (name and handle), their profile links and post links (which carry their handle) go, and their names,
 * handles and personal data (emails, phone numbers, NI numbers, postcodes, reference numbers) are replaced in every
 * text the bundle holds. The department's own posts, accounts and staff names stay.
 */
export const redactCaseBundle = (bundle: CaseBundle): CaseBundle => {
  const pseudonyms = publicPseudonyms(bundle.thread);
  const people = [...pseudonyms.values()];
  const redact = (s: string) => redactPublicText(s, people);
  const departmentUrls = new Set(bundle.thread.filter((p) => p.byDepartment).map((p) => p.url));
  const thread = bundle.thread.map((post): BundlePost => {
    if (post.byDepartment) return { ...post, text: redact(post.text) };
    const who = pseudonyms.get((post.author.handle ?? post.author.name ?? '').toLowerCase());
    return {
      ...post,
      url: null,
      author: { name: who?.replacement ?? PUBLIC, handle: null, profileUrl: null },
      text: redact(post.text),
    };
  });
  return {
    ...bundle,
    redacted: true,
    conversation: {
      ...bundle.conversation,
      title: bundle.conversation.title === null ? null : redact(bundle.conversation.title),
      url: departmentUrls.has(bundle.conversation.url) ? bundle.conversation.url : null,
    },
    thread,
    triage: {
      ...bundle.triage,
      routeReason: redact(bundle.triage.routeReason),
      signals: bundle.triage.signals.map((s) => ({ ...s, detail: redact(s.detail) })),
    },
    timeline: bundle.timeline.map((e) => ({
      ...e,
      detail: redactDeep(e.detail, redact) as Record<string, unknown>,
    })),
    engagements: redactDeep(bundle.engagements, redact) as Record<string, unknown>[],
    records: redactDeep(bundle.records, redact) as CaseBundle['records'],
    audit: bundle.audit.map((e) => ({
      ...e,
      before: redactDeep(e.before, redact),
      after: redactDeep(e.after, redact),
    })),
  };
};
