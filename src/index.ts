export { processDocument, type DocumentResult, type DocumentInput, type ProcessOptions } from './process.js';
export { checkReport, RULES, DEFAULT_CONFIG, resolveConfig, type CheckConfig, type Rule } from './check/index.js';
export { TEMPLATES, recognizeTemplate } from './templates/index.js';
export { reportJsonSchema } from './model/schema.js';
export * from './model/index.js';
