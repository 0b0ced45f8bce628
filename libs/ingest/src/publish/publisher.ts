/** A department account Parley may post from, with its publish credential (decrypted for this call only). */
export type PublishAccount = {
  platform: string;
  handle: string;
  /** The account's server: a host name (https) or an http(s) origin. */
  site: string | null;
  /** A Mastodon access token or a Bluesky app password. */
  secret: string;
};

/** The post being answered, as Parley stored it. */
export type ReplyTarget = {
  /** The platform's id of the post: a Mastodon status id on `origin`, a Bluesky at:// URI. */
  externalId: string;
  url: string | null;
  /** The origin of the server the post was fetched from. */
  origin: string;
};

export type PublishRequest = {
  account: PublishAccount;
  text: string;
  replyTo: ReplyTarget | null;
  /**
   * Stable for one engagement: sent so a retry after a lost answer returns the post made the first time
   * instead of posting again (Mastodon's Idempotency-Key; on Bluesky, the record key).
   */
  key: string;
  /** When the engagement was first tried: with `key`, fixes the Bluesky record key. */
  keyTime: Date;
  allowlist: string[];
};

export type Published = { externalId: string; url: string | null; postedAt: Date };

/** An account's site as an origin: a bare host name means https. */
export const originOf = (site: string): string => {
  const withScheme = /^https?:\/\//i.test(site) ? site : `https://${site}`;
  return new URL(withScheme).origin;
};
