/**
 * Departments, rules and sources are named by keys that appear in URLs, workspace documents and queries
 * (`source:mastodon-dwp`): lower-case letters, digits and hyphens, starting with a letter or digit. The api,
 * the workspace document, the query language and the web's rule form all check this one pattern.
 */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const MAX_KEY_LENGTH = 63;

/** `/rules/:department/new` is the web page for adding a rule, so a rule keyed "new" could never be opened. */
export const RESERVED_RULE_KEYS: ReadonlySet<string> = new Set(['new']);
