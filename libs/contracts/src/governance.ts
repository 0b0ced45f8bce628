import { z } from 'zod';
import { departmentKey } from './auth';
import { LIMITS, text } from './text';

/** A day (`2026-12-01`, the whole day in UTC) or an exact time with its offset. */
const when = (what: string) =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: `${what} must be a date (2026-12-01) or a time with its offset (2026-12-01T09:30:00Z)`,
  });

export const auditQuerySchema = z.object({
  /** One department's events; left out, every event the caller may read. */
  department: departmentKey.optional(),
  actor: text({ what: 'who made the change', max: LIMITS.email }).optional(),
  action: text({ what: 'an action', max: LIMITS.name }).optional(),
  from: when('from').optional(),
  to: when('to').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'a cursor is the nextCursor of an earlier page')
    .optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), label: z.string(), name: z.string().nullable() }),
  action: z.string(),
  /** The action in plain words ("Changed a listening rule"). */
  description: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  department: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const bundleQuerySchema = z.object({
  department: departmentKey,
  /** `public`: members of the public's names, handles, profile links and personal data are replaced. */
  redact: z.enum(['public']).optional(),
});
export type BundleQuery = z.infer<typeof bundleQuerySchema>;

export const RECORDS_FORMATS = ['json', 'csv', 'html'] as const;
export type RecordsFormat = (typeof RECORDS_FORMATS)[number];

const day = (what: string) => z.iso.date({ error: `${what} must be a date such as 2026-12-01` });

/** A department's engagement records over whole days in UTC, `from` to `to` inclusive, in an open format. */
export const recordsExportQuerySchema = z
  .object({
    department: departmentKey,
    from: day('from'),
    to: day('to'),
    format: z.enum(RECORDS_FORMATS, { error: 'format is json, csv or html' }).default('json'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to must be on or after from' });
export type RecordsExportQuery = z.infer<typeof recordsExportQuerySchema>;
