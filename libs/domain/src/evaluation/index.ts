export * from './follow-ups';
export * from './survey-change';
export * from './input-cost';
