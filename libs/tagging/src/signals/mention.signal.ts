import type { Signal } from '@parley/domain';
import { SIGNAL_WEIGHTS } from './score';
import { publicPosts, textOf, type DepartmentFacts, type ThreadFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.mention;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

/**
 * Short abbreviations with capitals ("DfE", "MoD", "HMRC") are matched in their own case or in full capitals,
 * because lower-cased they are often ordinary words ("mod", "dfe" in a URL slug).
 */
const isAbbreviation = (alias: string): boolean =>
  alias.length <= 6 && /[A-Z].*[A-Z]/.test(alias) && !/\s/.test(alias);

const compileNamePattern = (name: string): RegExp => {
  const body = escape(name.trim()).replace(/\s+/g, '\\s+');
  if (!isAbbreviation(name)) return new RegExp(`${NOT_WORD_BEFORE}${body}${NOT_WORD_AFTER}`, 'iu');
  const forms = [...new Set([name, name.toUpperCase()])].map(escape).join('|');
  return new RegExp(`${NOT_WORD_BEFORE}(?:${forms})${NOT_WORD_AFTER}`, 'u');
};

/** `@educationgovuk`, and a Mastodon handle's local part (`@dfe` of `dfe@social.example`). */
const compileHandlePattern = (handle: string): RegExp => {
  const local = handle.replace(/^@/, '').split('@')[0];
  return new RegExp(`(?<![\\w@])@${escape(local)}(?![\\w-])`, 'i');
};

/** Names and handles are few and checked against every thread, so each is compiled once. */
const cached = (compile: (text: string) => RegExp) => {
  const patterns = new Map<string, RegExp>();
  return (text: string): RegExp => {
    let pattern = patterns.get(text);
    if (!pattern) patterns.set(text, (pattern = compile(text)));
    return pattern;
  };
};
const namePattern = cached(compileNamePattern);
const handlePattern = cached(compileHandlePattern);

export const namesMentioned = (department: DepartmentFacts, text: string): string[] =>
  [department.name, ...department.aliases]
    .filter((n) => n.trim().length > 1)
    .filter((n) => namePattern(n).test(text));

export const handlesMentioned = (department: DepartmentFacts, text: string): string[] =>
  department.handles.filter((h) => h.replace(/^@/, '').length > 0 && handlePattern(h).test(text));

/** The department named (name, aliases) or addressed (`@handle`) by the public. */
export const mentionSignal = (facts: ThreadFacts, department: DepartmentFacts): Signal | null => {
  const text = textOf(publicPosts(facts));
  const names = namesMentioned(department, text);
  const handles = handlesMentioned(department, text);
  if (names.length === 0 && handles.length === 0) return null;
  const parts = [
    ...(names.length ? [`names ${names.map((n) => `"${n}"`).join(', ')}`] : []),
    ...(handles.length ? [`addresses ${handles.map((h) => `@${h.replace(/^@/, '')}`).join(', ')}`] : []),
  ];
  return { kind: 'mention', detail: parts.join('; '), weight: handles.length ? W.addressed : W.named };
};
