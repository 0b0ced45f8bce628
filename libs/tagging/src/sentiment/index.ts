export * from './classifier';
export * from './labelled-csv';
export * from './amazon-sentences';
