export * from './types';
export * from './goals';
export * from './slug';
