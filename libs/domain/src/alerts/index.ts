export * from './calendar';
export * from './rise';
export * from './sentiment-turn';
export * from './campaign-lexicon';
export * from './severity';
export * from './explanation';
