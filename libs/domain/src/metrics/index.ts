export * from './catalogue';
export * from './conventions';
export * from './velocity';
export * from './buckets';
export * from './responsiveness';
export * from './own-posts';
export * from './own-post-reasons';
