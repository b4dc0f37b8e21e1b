export * from './progress';
export * from './backups';
export * from './merge';
export * from './prefilled';
