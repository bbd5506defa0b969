import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPENDITURE_COLUMNS, FINDING_COLUMNS, FUNDS_COLUMNS, INDICATOR_COLUMNS, REPORT_COLUMNS, RUBRIC_COLUMNS } from '../src/output/columns.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it.each([
    ['reports.csv', REPORT_COLUMNS],
    ['funds.csv', FUNDS_COLUMNS],
    ['expenditures.csv', EXPENDITURE_COLUMNS],
    ['indicators.csv', INDICATOR_COLUMNS],
    ['rubric.csv', RUBRIC_COLUMNS],
    ['discrepancies.csv', FINDING_COLUMNS],
  ])('documents every column of %s in both languages, in order', (file, columns) => {
    const section = readme.split(`### ${file}`)[1]!.split('\n### ')[0]!.split('\n## ')[0]!;
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => r.split('|')[1]!.trim())).toEqual(columns.map((c) => `\`${c.en}\``));
    expect(rows.map((r) => r.split('|')[2]!.trim())).toEqual(columns.map((c) => c.zh));
  });

  it('names every detected input format in the format column of reports.csv', async () => {
    const { InputFormat } = await import('../src/model/document.js');
    const row = readme.split('### reports.csv')[1]!.split('\n').find((l) => l.startsWith('| `format` |'))!;
    const named = row.split('|')[3]!.split('/')[0]!.replace(/^.*?:/u, '').split(',').map((f) => f.trim());
    expect([...named].sort()).toEqual([...InputFormat.options].sort());
  });

  it('has exactly two set-up commands', () => {
    expect(readme.match(/^npm ci && npm \w+$/gmu)).toEqual(['npm ci && npm start', 'npm ci && npm test']);
  });
});

describe('README rules', () => {
  it('lists every rule of the catalogue once with its default severity, each rule list in its order', async () => {
    const { RULES } = await import('../src/check/index.js');
    const { RULE_CATALOGUE, TEMPLATES } = await import('../src/templates/index.js');
    const rows = readme.split('## Rules')[1]!.split('\n## ')[0]!.split('\n').filter((l) => l.startsWith('| `'));
    // The severity cell starts with the default; a rule graver in some cases says so after a semicolon.
    const listed = rows.map((r) => {
      const [id, severity] = r.split('|').slice(1, 3).map((c) => c.trim());
      return [id!, severity!.split(';')[0]!.trim()];
    });
    const entry = (r: { id: string; severity: string }) => [`\`${r.id}\``, r.severity];
    expect([...listed].sort()).toEqual(RULE_CATALOGUE.map(entry).sort());
    // The README follows SPEC's order; the general catalogue and each template's rules keep it.
    for (const list of [RULES, ...TEMPLATES.map((t) => t.rules)]) {
      const ids = new Set(list.map((r) => `\`${r.id}\``));
      expect(listed.filter(([id]) => ids.has(id!))).toEqual(list.map(entry));
    }
  });
});

describe('README error codes', () => {
  it('lists every per-file error code', async () => {
    const { ErrorCode } = await import('../src/model/document.js');
    const rows = readme.split('Per-file error codes')[1]!.split('\n\n')[1]!.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => r.split('|')[1]!.trim()).sort()).toEqual(ErrorCode.options.map((c) => `\`${c}\``).sort());
  });
});
