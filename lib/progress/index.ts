export * from './progress';
export * from './backups';
export * from './merge';
