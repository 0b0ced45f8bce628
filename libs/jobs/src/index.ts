export * from './queues';
export * from './connection';
export * from './producer';
export * from './jobs.module';
export * from './worker';
export * from './lease';
export * from './live-events';
export * from './mailer';
