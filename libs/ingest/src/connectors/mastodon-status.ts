import { z } from 'zod';
import { htmlToText, sanitiseHtml } from '../sanitise-html';
import type { CounterUpdate, PulledPost } from './connector';
import { parseDate, webLink } from './connector-parse';

const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().nullish(),
  url: z.string().nullish(),
  followers_count: z.number().nullish(),
});

const baseStatusSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  in_reply_to_id: z.string().nullish(),
  url: z.string().nullish(),
  uri: z.string().nullish(),
  content: z.string().nullish(),
  spoiler_text: z.string().nullish(),
  language: z.string().nullish(),
  replies_count: z.number().nullish(),
  reblogs_count: z.number().nullish(),
  favourites_count: z.number().nullish(),
  account: accountSchema,
});

export const statusSchema = baseStatusSchema.extend({ reblog: baseStatusSchema.nullish() });
export type MastodonStatus = z.infer<typeof baseStatusSchema>;

export const contextSchema = z.object({
  ancestors: z.array(z.unknown()),
  descendants: z.array(z.unknown()),
});

export const accountLookupSchema = z.object({ id: z.string() });

/** A boost is not new speech: what Parley stores is the boosted status itself. */
export const originalOf = (status: z.infer<typeof statusSchema>): MastodonStatus => status.reblog ?? status;

/**
 * Orders Mastodon ids: snowflakes are decimal strings too long for a Number, and other servers' sortable ids
 * are fixed-width strings, so "longer is newer, then compare as text" holds for both.
 */
export const compareIds = (a: string, b: string): number =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;

export const newestId = (ids: readonly string[], start: string | null): string | null =>
  ids.reduce<string | null>(
    (newest, id) => (newest === null || compareIds(id, newest) > 0 ? id : newest),
    start,
  );

export const statusToPost = (status: MastodonStatus, rootId: string | null): PulledPost => {
  const html = sanitiseHtml(status.content ?? '');
  const { account } = status;
  return {
    externalId: status.id,
    url: webLink(status.url) ?? webLink(status.uri),
    // A content warning reads like a subject line, and is often all a reader sees first.
    title: status.spoiler_text || null,
    author: {
      name: account.display_name || account.username,
      handle: account.acct,
      profileUrl: webLink(account.url),
      followers: account.followers_count ?? null,
    },
    publishedAt: parseDate(status.created_at),
    text: htmlToText(html),
    html: html || null,
    inReplyTo: status.in_reply_to_id ?? null,
    language: status.language ?? null,
    platform: 'mastodon',
    rootId,
  };
};

export const statusCounters = (status: MastodonStatus): CounterUpdate => ({
  externalId: status.id,
  likes: status.favourites_count ?? undefined,
  reposts: status.reblogs_count ?? undefined,
  replies: status.replies_count ?? undefined,
});
