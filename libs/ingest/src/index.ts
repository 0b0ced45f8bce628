export * from './address-policy';
export { ALLOWLIST_SETTING, parseAllowlist, isAllowlisted, type FetchAllowlist } from './fetch-allowlist';
export * from './fetch-error';
export { fetchUrl, type FetchOptions, type FetchResult } from './safe-fetch';
export { normaliseFeed, type FeedContext } from './feed-normaliser';
export { sanitiseHtml, htmlToText } from './sanitise-html';
export { readSample } from './sample-reader';
export * from './connectors';
export { FeedParsePool, type FeedParsePoolOptions } from './feed-parse-pool';
