import { z } from 'zod';
import { ReportFile } from './document.js';

/** JSON Schema (draft 2020-12) of reports/<name>.json, generated from the zod model. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://selfeval.invalid/schema/report-file.json',
    title: 'selfeval report file (reports/<name>.json)',
    ...z.toJSONSchema(ReportFile, { target: 'draft-2020-12' }),
  };
}
