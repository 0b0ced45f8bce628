import { z } from 'zod';
import {
  isCalendarDate,
  KEY_PATTERN,
  MAX_RETENTION_DAYS,
  PLATFORMS,
  RETENTION_ACTIONS,
  SOURCE_TYPES,
  type Problem,
  type SourceType,
} from '@parley/domain';
import { alertSettingsSchema, deliveryPartnerDocumentSchema, expectedEventDocumentSchema } from './alerts';
import {
  backfillStateSchema,
  lawfulBasis,
  ruleJustification,
  ruleName,
  rulePurpose,
  ruleQuery,
} from './rules';
import { strictObject, unknownKeyMessage } from './strict-object';
import { interval, LIMITS, list, text } from './text';

const key = z
  .string()
  .regex(
    KEY_PATTERN,
    'use lower-case letters, digits and hyphens (at most 63), starting with a letter or digit',
  );

/** A secret as the api shows it: whether one is stored, never its value. */
export const secretStateSchema = strictObject({ set: z.boolean() });
export type SecretState = z.infer<typeof secretStateSchema>;

/** The credential Parley posts with, by platform: where a department account can be published to. */
export const ACCOUNT_SECRETS = { mastodon: 'accessToken', bluesky: 'appPassword' } as const;
const ACCOUNT_SECRET_NAMES = Object.values(ACCOUNT_SECRETS);
export type AccountSecretName = (typeof ACCOUNT_SECRET_NAMES)[number];

/** As a source secret: text sets it, null or `{ set: false }` removes it, `{ set: true }` keeps the stored one. */
const accountSecret = z.union(
  [text({ what: 'an account credential', max: LIMITS.setting }), z.null(), secretStateSchema],
  { error: 'a credential is text, null to remove it, or { set: true } to keep the stored one' },
);

const account = strictObject({
  platform: z.enum(PLATFORMS),
  handle: text({ what: 'an account handle', max: LIMITS.name, required: 'an account needs a handle' }),
  site: text({ what: 'an account site', max: LIMITS.name, required: 'a site is a host name' }).optional(),
  /** A Mastodon access token (scope write:statuses), for publishing replies from Parley. */
  accessToken: accountSecret.optional(),
  /** A Bluesky app password, for publishing replies from Parley. */
  appPassword: accountSecret.optional(),
}).superRefine((a, ctx) => {
  const wanted = (ACCOUNT_SECRETS as Record<string, AccountSecretName>)[a.platform];
  for (const name of ACCOUNT_SECRET_NAMES) {
    if (a[name] === undefined || name === wanted) continue;
    ctx.addIssue({
      code: 'custom',
      path: [name],
      message: wanted
        ? `a ${a.platform} account takes ${wanted}, not ${name}`
        : `Parley cannot post to ${a.platform}, so its accounts take no credential`,
    });
  }
});

const resource = strictObject({
  title: text({ what: 'a resource title', max: LIMITS.name, required: 'a resource needs a title' }),
  // Checked as text first: a URL parser would accept (and percent-encode) what Postgres refuses.
  url: text({ what: 'a resource url', max: LIMITS.url }).pipe(
    z.url({ protocol: /^https?$/, error: 'a resource url must be an http(s) address' }),
  ),
  text: text({ what: 'a resource text', max: LIMITS.resourceText, form: 'prose' }).default(''),
});

// Optional fields and lists: absent means "leave what is stored as it is" (a new item gets the defaults).
const rule = strictObject({
  key,
  name: ruleName,
  query: ruleQuery,
  purpose: rulePurpose.nullable().optional(),
  lawfulBasis: lawfulBasis.nullable().optional(),
  justification: ruleJustification.nullable().optional(),
  enabled: z.boolean().optional(),
});

const viewCount = (what: string) =>
  z
    .number(`${what} is a number of conversations`)
    .int(`${what} is a whole number of conversations`)
    .min(1, `${what} is at least 1`)
    .max(1_000, `${what} is at most 1000`);

/**
 * Topic, not person. `requireLawfulBasis`: no rule can be enabled without a purpose and a lawful basis. From
 * `authorViewWarningAt` conversations by the same member of the public that one person opens within
 * `authorViewWindowDays`, the conversation page warns about directed surveillance; from `authorViewReasonAt`, that
 * person's posts are withheld until a reason is recorded. `organisationAccounts`: handles of organisations (a
 * charity, a newspaper) that are not private individuals, so an `author:` rule on them needs no justification.
 * Fields left out keep what is stored.
 */
const lawfulListening = strictObject({
  requireLawfulBasis: z.boolean('requireLawfulBasis is true or false').optional(),
  authorViewWarningAt: viewCount('authorViewWarningAt').optional(),
  authorViewReasonAt: viewCount('authorViewReasonAt').optional(),
  authorViewWindowDays: z
    .number('authorViewWindowDays is a number of days')
    .int('authorViewWindowDays is a whole number of days')
    .min(1, 'authorViewWindowDays is at least 1')
    .max(366, 'authorViewWindowDays is at most 366')
    .optional(),
  organisationAccounts: list(
    text({ what: 'an organisation account', max: LIMITS.name, required: 'a handle cannot be empty' }),
    { what: 'organisation accounts', within: 'lawfulListening', max: LIMITS.accounts * 10 },
  ).optional(),
}).refine(
  (s) =>
    s.authorViewWarningAt === undefined ||
    s.authorViewReasonAt === undefined ||
    s.authorViewWarningAt <= s.authorViewReasonAt,
  {
    path: ['authorViewReasonAt'],
    error: 'authorViewReasonAt is at least authorViewWarningAt: the warning comes before the reason',
  },
);

/** At least a minute, at most 200 hours: a promise the department can keep, in units a person writes. */
const MAX_SLA_MINUTES = 200 * 60;

/** Minutes as the workspace document writes them: whole hours as `4h`, anything else as `90m`. */
export const firstResponseText = (minutes: number): string =>
  minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;

/**
 * A department's first-response SLA, from the first public post: `{ firstResponse: '4h', businessHours: true }`.
 * In business hours (the default) only 09:00–17:30 London time on working days counts, bank holidays excluded.
 */
const sla = strictObject({
  firstResponse: z
    .string()
    .regex(/^\d{1,5}(m|h)$/, 'firstResponse is hours or minutes, such as 4h or 30m')
    .transform((value) => Number(value.slice(0, -1)) * (value.endsWith('h') ? 60 : 1))
    .refine((minutes) => minutes >= 1 && minutes <= MAX_SLA_MINUTES, 'firstResponse is from 1m to 200h')
    .transform(firstResponseText),
  businessHours: z.boolean().default(true),
});

const department = strictObject({
  key,
  name: text({ what: 'a department name', max: LIMITS.name, required: 'a department needs a name' }),
  aliases: list(text({ what: 'an alias', max: LIMITS.name, required: 'an alias cannot be empty' }), {
    what: 'aliases',
    within: 'a department',
    max: LIMITS.aliases,
  }).optional(),
  /** The score (0–100) a conversation needs to reach this department's inbox. */
  threshold: z
    .number()
    .int()
    .min(0, 'threshold is a score from 0 to 100')
    .max(100, 'threshold is a score from 0 to 100')
    .optional(),
  /** The first-response SLA; null removes it. */
  sla: sla.nullable().optional(),
  accounts: list(account, { what: 'accounts', within: 'a department', max: LIMITS.accounts }).optional(),
  resources: list(resource, { what: 'resources', within: 'a department', max: LIMITS.resources }).optional(),
  rules: list(rule, { what: 'rules', within: 'a department', max: LIMITS.rulesPerDepartment }).optional(),
  /** Expected events (announcements, statistics, debates): a rise inside one alerts only above the higher bar. */
  calendar: list(expectedEventDocumentSchema, {
    what: 'expected events',
    within: 'a department',
    max: LIMITS.expectedEvents,
  }).optional(),
  /** Organisations that deliver the department's policies, watched for campaigns aimed at them. */
  partners: list(deliveryPartnerDocumentSchema, {
    what: 'delivery partners',
    within: 'a department',
    max: LIMITS.partners,
  }).optional(),
  /** How alerts are judged and delivered; absent keeps what is stored, given it is the whole setting. */
  alerts: alertSettingsSchema.optional(),
});

/**
 * An organisation a department is compared with in share of voice (another public body, a regulator), counted in
 * public posts by its name, aliases and handles as departments are.
 */
const peer = strictObject({
  name: text({
    what: 'a peer organisation name',
    max: LIMITS.name,
    required: 'a peer organisation needs a name',
  }),
  aliases: list(text({ what: 'an alias', max: LIMITS.name, required: 'an alias cannot be empty' }), {
    what: 'aliases',
    within: 'a peer organisation',
    max: LIMITS.aliases,
  }).default([]),
  handles: list(text({ what: 'a handle', max: LIMITS.name, required: 'a handle cannot be empty' }), {
    what: 'handles',
    within: 'a peer organisation',
    max: LIMITS.aliases,
  }).default([]),
});

const calendarDate = (what: string) =>
  z
    .string({ error: `${what} is a date written YYYY-MM-DD` })
    .refine(isCalendarDate, { error: `${what} is a date written YYYY-MM-DD, such as 2027-05-06` });

/** A pre-election period, told apart by its name; both days are included, in UK time. */
const electionPeriod = strictObject({
  name: text({
    what: 'an election period name',
    max: LIMITS.name,
    required: 'an election period needs a name',
  }),
  from: calendarDate('from'),
  to: calendarDate('to'),
}).refine((p) => p.from <= p.to, {
  path: ['to'],
  error: 'an election period ends on or after the day it starts (to is before from)',
});

/** `sample:NAME` reads a bundled sample feed, so the demo works without internet. */
const sourceUrl = text({ what: 'a source url', max: LIMITS.url }).refine(
  (value) => /^sample:[a-z0-9][a-z0-9._-]*$/.test(value) || /^(https?|wss?):\/\/[^\s]+$/i.test(value),
  {
    message: 'a source url must be an http(s) address, a ws(s) address for Bluesky Jetstream, or sample:NAME',
  },
);

/**
 * A source setting: text sets it, null removes it, and for a secret `{ set: true }` keeps the stored value (what an
 * export says) while `{ set: false }` removes it.
 */
const settingValue = z.union(
  [text({ what: 'a setting', max: LIMITS.setting }), z.null(), secretStateSchema],
  {
    error: 'a setting is text, null to remove it, or for a secret { set: true } to keep the stored one',
  },
);

/** The settings each source type reads from its config; secrets are stored encrypted and never shown. */
export const SOURCE_SETTINGS = {
  feed: {},
  bluesky: {},
  hackernews: {},
  mastodon: { accessToken: 'secret' },
  discourse: { apiKey: 'secret', apiUsername: 'setting' },
  reddit: { clientId: 'setting', clientSecret: 'secret', tokenUrl: 'setting', userAgent: 'setting' },
} as const satisfies Record<SourceType, Record<string, 'secret' | 'setting'>>;

/** The names of the secret settings a source type reads (none for an unknown type). */
export const secretSettingsOf = (type: string): string[] =>
  Object.entries((SOURCE_SETTINGS as Record<string, Record<string, string>>)[type] ?? {})
    .filter(([, kind]) => kind === 'secret')
    .map(([name]) => name);

/**
 * How long public posts are kept, and what happens to them then: `delete` clears them (text, author, links), keeping
 * only what the figures already counted; `pseudonymise` replaces their authors by a stable token and keeps the
 * text only where the department took part in the conversation.
 */
export const retentionSchema = strictObject({
  days: z
    .number({ error: 'days is a whole number of days, such as 365' })
    .int('days is a whole number of days, such as 365')
    .min(1, 'days is at least 1')
    .max(
      MAX_RETENTION_DAYS,
      `days is at most ${MAX_RETENTION_DAYS.toLocaleString('en-GB')} (a hundred years)`,
    ),
  action: z.enum(RETENTION_ACTIONS, { error: 'action is "delete" or "pseudonymise"' }),
});
export type Retention = z.infer<typeof retentionSchema>;

const source = strictObject({
  key,
  type: z.enum(SOURCE_TYPES),
  url: sourceUrl,
  interval,
  /** null: shared by every department. */
  department: key.nullable().optional(),
  enabled: z.boolean().optional(),
  name: text({ what: 'a source name', max: LIMITS.name }).nullable().optional(),
  config: z.record(z.string(), settingValue).optional(),
  /** null: the workspace's default applies. */
  retention: retentionSchema.nullable().optional(),
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Settings a source's type does not read, and secrets' `{ set }` given for plain settings (read from raw input). */
export const sourceConfigProblems = (input: unknown): Problem[] => {
  const sources = isRecord(input) && Array.isArray(input.sources) ? input.sources : [];
  return sources.flatMap((s: unknown, i) => {
    if (!isRecord(s) || !isRecord(s.config) || !Object.hasOwn(SOURCE_SETTINGS, String(s.type))) return [];
    const type = s.type as SourceType;
    const known: Record<string, string> = SOURCE_SETTINGS[type];
    return Object.entries(s.config).flatMap(([name, value]): Problem[] => {
      const path = `sources[${i}].config.${name}`;
      if (!Object.hasOwn(known, name)) {
        return [
          { path, message: unknownKeyMessage(name, Object.keys(known), `setting for a ${type} source`) },
        ];
      }
      if (known[name] === 'setting' && isRecord(value)) {
        return [{ path, message: `${name} is not a secret: give its value, or null to remove it` }];
      }
      return [];
    });
  });
};

const duplicates = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);

/** Absent `departments` or `sources` leave the stored ones alone; `prune` removes only from lists that are given. */
export const workspaceDocumentSchema = strictObject({
  departments: list(department, {
    what: 'departments',
    within: 'a workspace document',
    max: LIMITS.departments,
  }).optional(),
  sources: list(source, { what: 'sources', within: 'a workspace document', max: LIMITS.sources }).optional(),
  /** While one is in force, proactive posts need a manager's approval and every draft carries a finding. */
  electionPeriods: list(electionPeriod, {
    what: 'election periods',
    within: 'a workspace document',
    max: LIMITS.electionPeriods,
  }).optional(),
  /** The organisations outside Parley that share of voice compares every department with. */
  peers: list(peer, { what: 'peers', within: 'a workspace document', max: LIMITS.departments }).optional(),
  /** How long every source's public posts are kept unless the source says otherwise; null: kept. */
  retention: retentionSchema.nullable().optional(),
  lawfulListening: lawfulListening.optional(),
}).superRefine((doc, ctx) => {
  for (const dup of duplicates((doc.peers ?? []).map((p) => p.name.toLowerCase()))) {
    ctx.addIssue({ code: 'custom', path: ['peers'], message: `peer organisation "${dup}" appears twice` });
  }
  for (const dup of duplicates((doc.electionPeriods ?? []).map((p) => p.name))) {
    ctx.addIssue({
      code: 'custom',
      path: ['electionPeriods'],
      message: `election period "${dup}" appears twice`,
    });
  }
  for (const dup of duplicates((doc.departments ?? []).map((d) => d.key))) {
    ctx.addIssue({
      code: 'custom',
      path: ['departments'],
      message: `department key "${dup}" appears twice`,
    });
  }
  for (const dup of duplicates((doc.sources ?? []).map((s) => s.key))) {
    ctx.addIssue({ code: 'custom', path: ['sources'], message: `source key "${dup}" appears twice` });
  }
  doc.departments?.forEach((d, i) => {
    for (const dup of duplicates((d.rules ?? []).map((r) => r.key))) {
      ctx.addIssue({
        code: 'custom',
        path: ['departments', i, 'rules'],
        message: `rule key "${dup}" appears twice`,
      });
    }
    for (const dup of duplicates((d.calendar ?? []).map((e) => `${e.name}" from "${e.from}`))) {
      ctx.addIssue({
        code: 'custom',
        path: ['departments', i, 'calendar'],
        message: `expected event "${dup}" appears twice`,
      });
    }
    for (const dup of duplicates((d.partners ?? []).map((p) => p.name))) {
      ctx.addIssue({
        code: 'custom',
        path: ['departments', i, 'partners'],
        message: `delivery partner "${dup}" appears twice`,
      });
    }
    for (const dup of duplicates((d.resources ?? []).map((r) => r.url))) {
      ctx.addIssue({
        code: 'custom',
        path: ['departments', i, 'resources'],
        message: `resource url "${dup}" appears twice`,
      });
    }
  });
  // An account belongs to one department: its posts are that department taking part.
  const accounts = (doc.departments ?? []).flatMap((d) => (d.accounts ?? []).map(accountIdentity));
  for (const dup of duplicates(accounts)) {
    ctx.addIssue({ code: 'custom', path: ['departments'], message: `account "${dup}" is listed twice` });
  }
});

/** How accounts are told apart (as the database's unique index does): platform, handle and site, any case. */
export const accountIdentity = (a: { platform: string; handle: string; site?: string | null }): string =>
  [a.platform, a.handle.toLowerCase(), a.site?.toLowerCase()].filter(Boolean).join(' ');

export type WorkspaceDocument = z.infer<typeof workspaceDocumentSchema>;
export type WorkspaceDocumentInput = z.input<typeof workspaceDocumentSchema>;
export type DepartmentDocument = NonNullable<WorkspaceDocument['departments']>[number];
export type SourceDocument = NonNullable<WorkspaceDocument['sources']>[number];
export type RuleDocument = NonNullable<DepartmentDocument['rules']>[number];
export type AccountDocument = NonNullable<DepartmentDocument['accounts']>[number];
export type ResourceDocument = NonNullable<DepartmentDocument['resources']>[number];
export type ElectionPeriodDocument = NonNullable<WorkspaceDocument['electionPeriods']>[number];
export type PeerDocument = NonNullable<WorkspaceDocument['peers']>[number];
export type LawfulListeningDocument = NonNullable<WorkspaceDocument['lawfulListening']>;
export type SettingValue = z.infer<typeof settingValue>;

const changeSet = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  deleted: z.array(z.string()),
  unchanged: z.array(z.string()),
});
export type ChangeSet = z.infer<typeof changeSet>;

/** One change a document makes (or, in a dry run, would make): the fields it touches, before and after. */
export const changeSchema = z.object({
  action: z.enum(['create', 'update', 'delete']),
  entity: z.enum(['department', 'rule', 'source', 'election-period', 'peer', 'retention', 'setting']),
  /**
   * `dfe`, `dfe/loans` (a rule), a source key, an election period's or a peer organisation's name; `workspace` for
   * the default retention; a setting's name.
   */
  key: z.string(),
  fields: z.array(z.string()),
  /** Secrets appear as `{ set: true }`, never their values. */
  before: z.record(z.string(), z.unknown()).optional(),
  after: z.record(z.string(), z.unknown()).optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const applyResultSchema = z.object({
  /** True when nothing was written: the changes are what applying the document would do. */
  dryRun: z.boolean(),
  /** The re-tagging job started because rules changed; follow it at /api/backfills/:id. */
  backfill: z.string().optional(),
  backfillState: backfillStateSchema.optional(),
  changes: z.array(changeSchema),
  departments: changeSet,
  rules: changeSet,
  sources: changeSet,
  electionPeriods: changeSet,
  peers: changeSet,
  /** The default retention (`workspace`), when the document gives it. */
  retention: changeSet,
  /** Workspace-wide settings (`lawfulListening`). */
  settings: changeSet,
  /** Set when names, aliases, handles or peers changed: the mention roll-ups are being recounted. */
  recount: z.boolean().optional(),
});
export type ApplyResult = z.infer<typeof applyResultSchema>;

/** How `PUT /api/workspace` applies a document (query parameters; only the word `true` turns one on). */
export const workspaceApplyQuerySchema = z.object({
  prune: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'true also deletes what the document leaves out of the lists it gives; without it, absent items stay',
    ),
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .describe('true answers the changes applying the document would make, and writes nothing'),
});
