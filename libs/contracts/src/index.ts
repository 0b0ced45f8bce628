export * from './workspace';
export * from './problems';
export * from './auth';
export * from './conversations';
export * from './sources';
export * from './rules';
export * from './query-syntax';
export * from './strict-object';
