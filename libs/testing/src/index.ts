export * from './databases';
export * from './test-environment';
export * from './feed-server';
export * from './api-client';
export * from './private-redis';
export * from './shared-corpus';
export * from './private-postgres';
