export * from './inputs';
export * from './report';
export * from './report-csv';
export { NO_DATA } from './words';
export * from './digest';
