import { z } from 'zod';
import { ENGAGEMENT_KINDS, ENGAGEMENT_MODES, OPPORTUNITY_STATUSES, PLATFORMS, ROUTES } from '@parley/domain';
import { expectedVersion } from './opportunities';
import { strictObject } from './strict-object';
import { LIMITS, text } from './text';

/** A reply, a post or a pointer longer than any platform allows is a mistake, not a message. */
const POST_TEXT_MAX = 5_000;

/**
 * What was done on an opportunity: recorded after posting elsewhere (`url`, `postedAt`), or published from
 * Parley to one of the department's accounts (`publish: true`, with `account` and the approved `draftId` or the
 * `text`). Either way the opportunity moves to `responded`; `expectedVersion` is the opportunity version the
 * person saw, so two people do not answer one thread unknowingly.
 */
export const recordEngagementSchema = strictObject({
  kind: z.enum(ENGAGEMENT_KINDS, { error: 'kind is reply, pointer or original-post' }),
  mode: z.enum(ENGAGEMENT_MODES, { error: 'mode is transmit, receive or collaborate' }),
  url: text({ what: 'the address of the post', max: LIMITS.url })
    .pipe(z.url({ protocol: /^https?$/, error: 'the address of the post must be an http(s) address' }))
    .optional(),
  postedAt: z.iso
    .datetime({ offset: true, error: 'postedAt is a date and time such as 2026-12-01T10:30:00Z' })
    .optional(),
  /** The department account it was posted from (its handle); needed to publish. */
  account: text({ what: 'an account', max: LIMITS.name }).optional(),
  /** What was posted (taken from the draft when `draftId` is given). */
  text: text({ what: 'the text posted', max: POST_TEXT_MAX, form: 'prose' }).optional(),
  outcome: text({ what: 'outcome notes', max: LIMITS.purpose, form: 'prose' }).optional(),
  /** "You said, we did": the reply tells people what changed because of what they said. */
  closesLoop: z.boolean().optional(),
  draftId: z.uuid({ error: 'draftId is the id of a draft on this opportunity' }).optional(),
  publish: z.boolean().optional(),
  expectedVersion,
});
export type RecordEngagement = z.infer<typeof recordEngagementSchema>;

export const engagementSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  mode: z.enum(ENGAGEMENT_MODES),
  route: z.enum(ROUTES),
  url: z.string().nullable(),
  postedAt: z.string(),
  account: z.object({ platform: z.enum(PLATFORMS), handle: z.string() }).nullable(),
  text: z.string().nullable(),
  outcome: z.string().nullable(),
  closesLoop: z.boolean(),
  draftId: z.string().nullable(),
  /** null: recorded by hand; otherwise how publishing from Parley went. */
  publish: z
    .object({ state: z.enum(['pending', 'published', 'failed']), error: z.string().nullable() })
    .nullable(),
  /** True once the department's post, as fetched, is linked to this engagement (so it is counted once). */
  matchedPost: z.boolean(),
});
export type Engagement = z.infer<typeof engagementSchema>;

export const engagementRecordedSchema = z.object({
  engagement: engagementSchema,
  opportunity: z.object({ id: z.string(), status: z.string(), version: z.number() }),
});
export type EngagementRecorded = z.infer<typeof engagementRecordedSchema>;

/** What the "record or publish" form needs: the engagements so far and the accounts it can post from. */
export const engagementListSchema = z.object({
  /** The opportunity as it stands: a reply is recorded from this version. */
  opportunity: z.object({ status: z.enum(OPPORTUNITY_STATUSES), version: z.number() }),
  engagements: z.array(engagementSchema),
  accounts: z.array(
    z.object({
      platform: z.enum(PLATFORMS),
      handle: z.string(),
      /** Parley holds a credential for it and can post to its platform. */
      canPublish: z.boolean(),
    }),
  ),
});
export type EngagementList = z.infer<typeof engagementListSchema>;
