export * from './keyphrases';
export * from './grouping';
export * from './method';
