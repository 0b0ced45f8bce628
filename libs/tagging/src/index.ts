export * from './text-analysis';
export * from './rule-matcher';
export * from './department-posts';
export * from './conversation-tagger';
export * from './compiled-rules.cache';
export * from './retirement';
export * from './signals';
export * from './query';
