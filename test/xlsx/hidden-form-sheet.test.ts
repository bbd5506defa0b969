/**
 * A workbook whose form sits on a hidden sheet: the sheet is not read (Excel does not show it), so no form
 * is found — and the failure says which sheets were hidden, since a failed document keeps no findings.
 */
import { describe, expect, it } from 'vitest';
import { buildXlsx } from '../../scripts/fixtures/spreadsheetml.js';
import { processDocument } from '../../src/process.js';
import { formById, formSheet } from '../helpers/mof/index.js';

const cover = { name: '封面', cells: { A1: { t: 'string' as const, text: '2023年度部门决算公开' } } };

describe('a form on a hidden sheet', () => {
  it('fails as not-a-report naming the hidden sheet, in Chinese and in English', async () => {
    const bytes = buildXlsx([cover, { ...formSheet(formById('project-road-wan'), '道路项目'), state: 'hidden' }]);
    const zh = await processDocument({ bytes, file: 'hidden.xlsx' });
    expect(zh.status).toBe('failed');
    expect(zh.error).toContain('隐藏工作表未读取（“道路项目”）');
    const en = await processDocument({ bytes, file: 'hidden.xlsx' }, { lang: 'en' });
    expect(en.error).toContain('hidden sheets were not read ("道路项目")');
  });

  it('visible, it is read; and a failure with no hidden sheet says nothing of sheets', async () => {
    const shown = await processDocument({ bytes: buildXlsx([cover, formSheet(formById('project-road-wan'), '道路项目')]), file: 'shown.xlsx' });
    expect(shown.status).toBe('ok');
    const plain = await processDocument({ bytes: buildXlsx([cover]), file: 'cover.xlsx' });
    expect(plain.status).toBe('failed');
    expect(plain.error).not.toContain('隐藏');
  });
});
