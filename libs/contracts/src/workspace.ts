import { z } from 'zod';
import { KEY_PATTERN, PLATFORMS, SOURCE_TYPES, parseDuration } from '@parley/domain';

const key = z
  .string()
  .regex(
    KEY_PATTERN,
    'use lower-case letters, digits and hyphens (at most 63), starting with a letter or digit',
  );
const MIN_INTERVAL_MS = 30_000;

const account = z.object({
  platform: z.enum(PLATFORMS),
  handle: z.string().trim().min(1, 'an account needs a handle'),
  site: z.string().trim().min(1).optional(),
});

const resource = z.object({
  title: z.string().trim().min(1, 'a resource needs a title'),
  url: z.url({ protocol: /^https?$/, error: 'a resource url must be an http(s) address' }),
  text: z.string().default(''),
});

const rule = z.object({
  key,
  name: z.string().trim().min(1, 'a rule needs a name'),
  query: z.string().trim().min(1, 'a rule needs a query').max(4000, 'a query is at most 4,000 characters'),
  purpose: z.string().optional(),
  enabled: z.boolean().default(true),
});

const department = z.object({
  key,
  name: z.string().trim().min(1, 'a department needs a name'),
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** The score (0–100) a conversation needs to reach this department's inbox. */
  threshold: z
    .number()
    .int()
    .min(0, 'threshold is a score from 0 to 100')
    .max(100, 'threshold is a score from 0 to 100')
    .default(0),
  accounts: z.array(account).default([]),
  resources: z.array(resource).default([]),
  rules: z.array(rule).default([]),
});

/** `sample:NAME` reads a bundled sample feed, so the demo works without internet. */
const sourceUrl = z
  .string()
  .trim()
  .refine(
    (value) => /^sample:[a-z0-9][a-z0-9._-]*$/.test(value) || /^(https?|wss?):\/\/[^\s]+$/i.test(value),
    {
      message:
        'a source url must be an http(s) address, a ws(s) address for Bluesky Jetstream, or sample:NAME',
    },
  );

const source = z.object({
  key,
  type: z.enum(SOURCE_TYPES),
  url: sourceUrl,
  interval: z.string().refine((value) => (parseDuration(value) ?? 0) >= MIN_INTERVAL_MS, {
    message: 'interval must be a duration of at least 30s, such as 30s, 5m or 1h',
  }),
  department: key.optional(),
  enabled: z.boolean().default(true),
  name: z.string().optional(),
});

const duplicates = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);

export const workspaceDocumentSchema = z
  .object({
    departments: z.array(department).default([]),
    sources: z.array(source).default([]),
  })
  .superRefine((doc, ctx) => {
    for (const dup of duplicates(doc.departments.map((d) => d.key))) {
      ctx.addIssue({
        code: 'custom',
        path: ['departments'],
        message: `department key "${dup}" appears twice`,
      });
    }
    for (const dup of duplicates(doc.sources.map((s) => s.key))) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: `source key "${dup}" appears twice` });
    }
    doc.departments.forEach((d, i) => {
      for (const dup of duplicates(d.rules.map((r) => r.key))) {
        ctx.addIssue({
          code: 'custom',
          path: ['departments', i, 'rules'],
          message: `rule key "${dup}" appears twice`,
        });
      }
    });
  });

export type WorkspaceDocument = z.infer<typeof workspaceDocumentSchema>;
export type WorkspaceDocumentInput = z.input<typeof workspaceDocumentSchema>;
export type DepartmentDocument = WorkspaceDocument['departments'][number];
export type SourceDocument = WorkspaceDocument['sources'][number];
export type RuleDocument = DepartmentDocument['rules'][number];

export type ChangeSet = { created: string[]; updated: string[]; deleted: string[]; unchanged: string[] };
export const applyResultSchema = z.object({
  /** The re-tagging job started because rules changed; follow it at /api/backfills/:id. */
  backfill: z.string().optional(),
  departments: z.object({
    created: z.array(z.string()),
    updated: z.array(z.string()),
    deleted: z.array(z.string()),
    unchanged: z.array(z.string()),
  }),
  rules: z.object({
    created: z.array(z.string()),
    updated: z.array(z.string()),
    deleted: z.array(z.string()),
    unchanged: z.array(z.string()),
  }),
  sources: z.object({
    created: z.array(z.string()),
    updated: z.array(z.string()),
    deleted: z.array(z.string()),
    unchanged: z.array(z.string()),
  }),
});
export type ApplyResult = z.infer<typeof applyResultSchema>;
