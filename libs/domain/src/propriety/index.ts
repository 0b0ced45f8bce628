export * from './types';
export { checkPropriety } from './check';
