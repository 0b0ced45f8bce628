import type { DraftAccount } from '@parley/contracts';

const PLATFORM_NAMES: Record<string, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  web: 'Web',
  discourse: 'Discourse',
  reddit: 'Reddit',
  hackernews: 'Hacker News',
};

/** "dft on social.example (Mastodon)": the account as a person recognises it. */
export const accountLabel = (a: DraftAccount): string =>
  `${a.handle}${a.site ? ` on ${a.site}` : ''} (${PLATFORM_NAMES[a.platform] ?? a.platform})`;

/** One string per account, to compare and to key a select's options ('' for none). */
export const accountKey = (a: DraftAccount | null): string =>
  a ? `${a.platform} ${a.handle} ${a.site ?? ''}` : '';
