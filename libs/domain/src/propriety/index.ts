export * from './types';
export { checkPropriety } from './check';
export { redactExcerpt, REMOVED } from './redact';
