/** The output files a run can write (`--format`); kept apart so that the command line can list them without loading the writers. */
export type OutputFormat = 'json' | 'csv' | 'xlsx' | 'log' | 'html';
export const ALL_FORMATS: readonly OutputFormat[] = ['json', 'csv', 'xlsx', 'log', 'html'];
