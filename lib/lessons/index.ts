export * from './types';
export * from './format';
export * from './goals';
export * from './slug';
