export * from './classifier';
export * from './labelled-csv';
