export * from './text-analysis';
export * from './rule-matcher';
export * from './department-posts';
export * from './conversation-tagger';
export * from './retirement';
export * from './signals';
export * from './query';
