import { KEY_PATTERN, MAX_KEY_LENGTH, RESERVED_RULE_KEYS } from '@parley/domain';

/** An error message for a key a person typed, or null when the api will accept it. */
export const validateRuleKey = (key: string, existingKeys: readonly string[] = []): string | null => {
  if (!key) return 'Enter a key';
  if (key.length > MAX_KEY_LENGTH) return `Key must be ${MAX_KEY_LENGTH} characters or fewer`;
  if (/[A-Z]/.test(key) && KEY_PATTERN.test(key.toLowerCase()))
    return 'Key must be in lower case, like rail-fares';
  if (!KEY_PATTERN.test(key)) {
    return 'Key must use only lower-case letters, digits and hyphens, and start with a letter or digit, like rail-fares';
  }
  if (RESERVED_RULE_KEYS.has(key)) return 'Key cannot be “new”: choose another';
  if (existingKeys.includes(key))
    return 'There is already a rule with this key: choose another, or edit that rule';
  return null;
};

/** A key suggested from the name, so a new rule called "Rail fares & railcards" starts as `rail-fares-railcards`. */
export const keyFromName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_KEY_LENGTH)
    .replace(/-+$/, '');
