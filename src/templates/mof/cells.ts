/** Cell-to-value helpers shared by the MoF readers. */
import { Dec } from '../../model/decimal.js';
import type { GridCell } from '../../model/grid.js';
import type { MoneyUnit, MoneyValue, NumberValue, TextValue } from '../../model/values.js';
import { cellSrc } from '../../parse/locate.js';
import { moneyValue, nameValue, numberValue, textValue } from '../../parse/values.js';

export const text = (cell: GridCell | null | undefined): TextValue | null => (cell ? textValue(cell.text, cellSrc(cell)) : null);
export const name = (cell: GridCell | null | undefined): TextValue | null => (cell ? nameValue(cell.text, cellSrc(cell)) : null);
export const num = (cell: GridCell | null | undefined): NumberValue | null => (cell ? numberValue(cell.text, cellSrc(cell)) : null);
export const money = (cell: GridCell | null | undefined, unit: MoneyUnit): MoneyValue | null => (cell ? moneyValue(cell.text, cellSrc(cell), unit) : null);

/**
 * 执行率 as a number of percent. "96.14%" is 96.14; a rate printed without "%" and at most 1 ("1",
 * "0.9614") is a fraction and is scaled to percent, keeping its printed precision ("0.9614" → 96.14,
 * two decimals). The raw text stays as printed.
 */
export function rateValue(cell: GridCell | null | undefined): NumberValue | null {
  const v = num(cell);
  if (!v?.value || /[%％]/u.test(v.raw)) return v;
  const fraction = new Dec(v.value);
  if (fraction.lte(0) || fraction.gt(1)) return v;
  return { ...v, value: fraction.times(100).toString(), decimals: Math.max(0, (v.decimals ?? 0) - 2) };
}

/** "产出指标(50分)" → the group weight printed in the label, as a number value of that cell. */
export function labelWeight(cell: GridCell | null | undefined): NumberValue | null {
  if (!cell) return null;
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]/u.exec(cell.text.replace(/\s+/gu, ''));
  if (!m) return null;
  const v = numberValue(m[1]!, cellSrc(cell));
  return { ...v, raw: cell.text };
}

/** A level label without its printed weight: "产\n出\n指\n标\n(50分)" → 产出指标. */
export function levelName(cell: GridCell | null | undefined): TextValue | null {
  const v = name(cell);
  if (!v?.value) return v;
  const value = v.value.replace(/[(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）]\s*$/u, '').trim();
  return { ...v, value: value === '' ? null : value };
}
