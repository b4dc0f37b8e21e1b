export * from './short-id';
export * from './lesson-version';
export * from './visibility';
export * from './grouping';
export * from './ranking';
export * from './markdown';
export { canonicalJson } from './hash';
export * from './card';
export * from './take-line';
