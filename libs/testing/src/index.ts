export * from './databases';
export * from './test-environment';
export * from './feed-server';
export * from './api-client';
export * from './shared-corpus';
