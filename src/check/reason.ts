/**
 * Whether a 偏差原因 cell gives a reason. The form's own instruction left in the cell ("说明偏差原因…
 * (100字以内)") gives none, nor does a bare denial of any deviation ("无偏差", "未发生偏差。") on a row
 * that does deviate; an empty cell or an empty marker is null and gives none either.
 */
import { foldWidth, isTemplatePlaceholder } from '../model/normalize.js';

/** The whole text only says there was no deviation. */
const DENIES_DEVIATION = /^(?:无|没有|未发生|不存在|未产生)(?:任何)?偏差(?:情况)?[。.]?$/u;

export function givesReason(text: string | null | undefined): boolean {
  if (text == null) return false;
  return !isTemplatePlaceholder(text) && !DENIES_DEVIATION.test(foldWidth(text).replace(/\s+/gu, ''));
}
