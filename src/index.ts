export { processDocument, type DocumentResult, type DocumentInput, type ProcessOptions } from './process.js';
export { checkEvaluation, RULES, DEFAULT_CONFIG, resolveConfig, type CheckConfig, type Rule } from './check/index.js';
export { TEMPLATES, RULE_CATALOGUE, recognizeForms } from './templates/index.js';
export { readTables, type TablesResult, type TablesRead, type TablesFailure, type TableJson, type TableCellJson, type TablesMessage, type ReadTablesOptions } from './tables.js';
export { reportJsonSchema } from './model/schema.js';
export * from './model/index.js';
