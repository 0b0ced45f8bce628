export * from './queues';
export * from './connection';
export * from './producer';
export * from './worker';
export * from './lease';
