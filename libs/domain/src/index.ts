export * from './errors';
export * from './roles';
export * from './platforms';
export * from './duration';
export * from './post';
export * from './route';
export * from './engagement';
export * from './collections';
