import { z } from 'zod';

/**
 * Where a value came from. `table/row/col` index the converted HTML grid (0-based, anchor cell);
 * `line` is the 1-based line of a Tika text dump; `block` is the index of a paragraph in document order.
 */
export const SourceRef = z
  .object({
    table: z.number().int().nonnegative().optional(),
    row: z.number().int().nonnegative().optional(),
    col: z.number().int().nonnegative().optional(),
    block: z.number().int().nonnegative().optional(),
    line: z.number().int().positive().optional(),
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRef>;
