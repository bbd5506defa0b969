import { z } from 'zod';
import { SourceRef } from './source.js';

/** A decimal number written as a plain string ("173.6", "-2", "0"); never a binary float. */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'decimal string');

export const TextValue = z
  .object({
    value: z.string().nullable().describe('Trimmed text; null when the cell is empty or an empty marker'),
    raw: z.string().describe('Text exactly as read from the source'),
    src: SourceRef,
  })
  .strict();
export type TextValue = z.infer<typeof TextValue>;

export const MoneyUnit = z.enum(['元', '万元', '亿元']);
export type MoneyUnit = z.infer<typeof MoneyUnit>;

export const MoneyValue = z
  .object({
    value: DecimalString.nullable().describe('Amount in 万元; null for empty markers or unreadable text'),
    raw: z.string(),
    unit: MoneyUnit.nullable().describe('Unit the amount was written in (cell, else column header, else template default)'),
    decimals: z
      .number()
      .int()
      .nullable()
      .describe('Decimal places the printed figure carries, expressed in 万元 (8,680,000元 → 4; 1.2亿元 → −3, i.e. to 1,000 万元)'),
    src: SourceRef,
  })
  .strict();
export type MoneyValue = z.infer<typeof MoneyValue>;

export const NumberValue = z
  .object({
    value: DecimalString.nullable(),
    raw: z.string(),
    decimals: z.number().int().nonnegative().nullable(),
    src: SourceRef,
  })
  .strict();
export type NumberValue = z.infer<typeof NumberValue>;

export const DateValue = z
  .object({
    value: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/)
      .nullable()
      .describe('ISO date YYYY-MM-DD or YYYY-MM; null when absent or impossible'),
    raw: z.string(),
    valid: z.boolean().describe('false when the text names a date that does not exist (2020年9月31日)'),
    src: SourceRef,
  })
  .strict();
export type DateValue = z.infer<typeof DateValue>;

export const Comparator = z.enum(['<=', '>=', '<', '>', '=']);
export type Comparator = z.infer<typeof Comparator>;

/** An indicator target or actual: free text, with its number, unit and comparator when it has one. */
export const MeasureValue = z
  .object({
    value: z.string().nullable().describe('Trimmed text; null when empty'),
    raw: z.string(),
    number: DecimalString.nullable().describe('The first number in the text, when there is one'),
    unit: z.string().nullable().describe('Unit written after the number (万, 万元, %, 个, 个月 …)'),
    comparator: Comparator.nullable().describe('不超过/≤ → <=, 不低于/≥ → >=, …'),
    src: SourceRef,
  })
  .strict();
export type MeasureValue = z.infer<typeof MeasureValue>;
