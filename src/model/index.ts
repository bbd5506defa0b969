export * from './source.js';
export * from './values.js';
export * from './report.js';
export * from './finding.js';
export * from './document.js';
export type * from './grid.js';
