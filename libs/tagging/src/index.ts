export * from './text-analysis';
export * from './all-words-rule';
export * from './rule-matcher';
export * from './department-posts';
export * from './conversation-tagger';
export * from './signals';
