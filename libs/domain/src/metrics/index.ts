export * from './catalogue';
export * from './conventions';
export * from './velocity';
export * from './buckets';
export * from './theme-shares';
