/**
 * The MoF funds block read where its cells do not line up with its header, and with its unit stated
 * outside it:
 * - a Tika text dump from which the empty 年初预算数 cells (and the blank execution cells of the 其中 rows)
 *   vanish (mof-family §7.2): the values still land in their columns, and a row that fits more than one
 *   way is reported, not guessed;
 * - a merged 其中 cell of its own beside the component rows: their labels and sources stay theirs;
 * - "金额单位：元" on a line just above the table: the amounts are 元 when the block label and headers
 *   state no unit; a unit in the label still wins.
 * Each form is a clean catalogue form (or a copy with one thing changed) rendered by the fixture
 * builders; what must be read comes from expected.ts (the form as printed), never from the reader.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/model/evaluation.js';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { emptyFundsCellsVanish, type Vanishing } from '../helpers/mof/tika.js';
import { CLEAN_FORMS, formById, renderTika, type MofForm } from '../helpers/mof/index.js';
import { expectFunds } from './check.js';
import { expectedEvaluation } from './expected.js';
import { expectProvenance } from './provenance.js';
import { PRINTABLE_FORMATS } from '../helpers/mof/read.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

const FORMATS = PRINTABLE_FORMATS;

async function readOne(bytes: Uint8Array, file: string): Promise<{ result: DocumentResult; ev: Evaluation }> {
  const result = await processDocument({ bytes, file }, { keepHtml: true });
  expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
  expect(result.evaluations).toHaveLength(1);
  return { result, ev: result.evaluations[0]! };
}

const tika = (form: MofForm, vanishing?: Vanishing) => renderTika(form, vanishing);
const readTika = async (form: MofForm, vanishing?: Vanishing) => {
  const text = tika(form, vanishing);
  return { ...(await readOne(utf8(text), `${form.id}.txt`)), lines: text.split('\n') };
};

const serious = (r: DocumentResult) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`);

/** The funds rows of a dump (the lines between the funds header and 年度总体目标), each as its cells' texts. */
function fundsRowsOf(text: string): string[][] {
  const rows = text.split('\n\n').map((row) => row.split('\n').filter((l) => l.startsWith('\t')).map((l) => l.slice(1)));
  const header = rows.findIndex((cells) => cells.includes('年初预算数'));
  const end = rows.findIndex((cells, i) => i > header && cells.includes('年度总体目标'));
  return rows.slice(header + 1, end);
}

describe('a Tika dump whose empty 年初预算数 cells vanish (mof-family §7.2)', () => {
  // 年初预算数 empty on every row (a project added during the year); 其中 rows print "—" for 分值/执行率/得分.
  const HEALTH = formById('project-health-wan2');

  it('the fixture: two amounts before 分值 on every funds row, where the kept dump has an empty cell first', () => {
    const kept = fundsRowsOf(tika(HEALTH));
    const collapsed = fundsRowsOf(tika(HEALTH, emptyFundsCellsVanish(['年初预算数'])));
    expect(collapsed.map((row) => row.length)).toEqual(kept.map((row) => row.length - 1));
    expect(kept[0]!.slice(2, 4)).toEqual(['', HEALTH.funds[0]!.budget]);
    expect(collapsed[0]!.slice(2, 4)).toEqual([HEALTH.funds[0]!.budget, HEALTH.funds[0]!.executed]);
  });

  it('reads 全年预算数, 全年执行数, 分值, 执行率 and 得分 in their columns, 年初预算数 unknown', async () => {
    const { ev } = await readTika(HEALTH, emptyFundsCellsVanish(['年初预算数']));
    expectFunds(ev, expectedEvaluation(HEALTH));
  });

  it('every value still names the line it was read from', async () => {
    const { ev, result, lines } = await readTika(HEALTH, emptyFundsCellsVanish(['年初预算数']));
    expectProvenance(ev, result.grid!, lines);
    const total = ev.funds!.lines[0]!;
    expect(lines[total.budget!.src.line! - 1]).toBe(`\t${HEALTH.funds[0]!.budget}`);
    expect(lines[total.executed!.src.line! - 1]).toBe(`\t${HEALTH.funds[0]!.executed}`);
  });

  it('gives no execution-rate, rubric-weight-sum or other error or warning', async () => {
    const { result } = await readTika(HEALTH, emptyFundsCellsVanish(['年初预算数']));
    expect(serious(result)).toEqual([]);
  });

  it('the same dump with the empty cells kept reads the same values (as before)', async () => {
    const { ev, result } = await readTika(HEALTH);
    expectFunds(ev, expectedEvaluation(HEALTH));
    expect(serious(result)).toEqual([]);
  });

  it('blank execution cells of the 其中 rows vanishing too: only two amounts left on those rows', async () => {
    const form = formById('project-health-wan2');
    for (const line of form.funds.slice(1)) Object.assign(line, { weight: '', rate: '', score: '' });
    const vanishing = emptyFundsCellsVanish();
    expect(fundsRowsOf(tika(form, vanishing)).slice(1).map((row) => row.slice(-2))).toEqual(form.funds.slice(1).map((l) => [l.budget, l.executed]));
    const { ev, result } = await readTika(form, vanishing);
    expectFunds(ev, expectedEvaluation(form));
    expect(serious(result)).toEqual([]);
  });

  it('a form whose 年初预算数 is filled, with only the blank 其中 execution cells vanishing: read as before', async () => {
    // 其中 rows print nothing under 分值/执行率/得分 here: three amounts, then the row ends.
    const form = formById('project-it-platform-wan');
    expect(form.funds.slice(1).every((l) => l.weight === '' && l.rate === '' && l.score === '' && l.initial !== '')).toBe(true);
    const { ev, result } = await readTika(form, emptyFundsCellsVanish());
    expectFunds(ev, expectedEvaluation(form));
    expect(serious(result)).toEqual([]);
  });

  it('a 其中 amount that does not add up is still reported (the columns are placed before the sums are checked)', async () => {
    const form = formById('project-health-wan2');
    form.funds[1]!.executed = '410.00';
    const { result } = await readTika(form, emptyFundsCellsVanish(['年初预算数']));
    expect(result.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.location.path])).toEqual([['funds-source-sum', '/funds/lines/0/executed']]);
  });

  it('with a merged 其中 cell of its own as well: 其中 printed once, then the labels and two amounts', async () => {
    const form = formById('project-health-wan2');
    form.qizhongCell = true;
    form.funds = form.funds.map((line, i) => (i === 0 ? line : { ...line, label: line.label.replace(/^其中[:：]/u, '') }));
    const vanishing = emptyFundsCellsVanish(['年初预算数']);
    // As many cells as the header on the first 其中 row: counting them from the left would read 其中 as the label.
    const rows = fundsRowsOf(tika(form, vanishing));
    expect(rows[1]!.slice(0, 4)).toEqual(['', '其中', '当年财政拨款', form.funds[1]!.budget]);
    const { ev, result } = await readTika(form, vanishing);
    expectFunds(ev, expectedEvaluation(form));
    expect(serious(result)).toEqual([]);
  });

  describe('a row that fits its columns more than one way (no 执行率 printed to tell)', () => {
    const form = formById('project-health-wan2');
    form.funds[0]!.rate = '—';
    const read = () => readTika(form, emptyFundsCellsVanish(['年初预算数']));

    it('is reported as extract-funds-columns on each such row, naming the row', async () => {
      const { result } = await read();
      const notes = result.findings.filter((f) => f.rule === 'extract-funds-columns');
      expect(notes.map((f) => [f.severity, f.location.path])).toEqual([0, 1, 2, 3].map((i) => ['warning', `/funds/lines/${i}`]));
      expect(notes[0]!.message).toContain('年度资金总额');
      expect(notes[0]!.message).toContain('全年预算数');
      expect(notes[0]!.location.line).toBeGreaterThan(0);
      // A 其中 row's note says why the other 其中 rows' amounts are not read either.
      expect(notes[0]!.message).not.toContain('其中各行');
      expect(notes[1]!.message).toContain('其中各行');
    });

    it('leaves the amounts it cannot place unread, and keeps what every placement agrees on (分值, 得分)', async () => {
      const { ev } = await read();
      for (const line of ev.funds!.lines) expect([line.initialBudget, line.budget, line.executed].map((v) => v?.value ?? null)).toEqual([null, null, null]);
      const total = ev.funds!.lines[0]!;
      expect([total.weight?.value, total.rate?.value ?? null, total.score?.value]).toEqual([form.funds[0]!.weight, null, form.funds[0]!.score]);
      expect(ev.funds!.lines.map((l) => l.source)).toEqual(['total', 'current', 'carryover', 'other']);
    });

    it('gives no false execution-rate, rubric-weight-sum or funds-source-sum finding', async () => {
      const { result } = await read();
      expect(serious(result).filter((s) => !s.startsWith('extract-funds-columns'))).toEqual([]);
    });
  });

  it('a misprinted 执行率 leaves no placement that fits: the total row is reported, not guessed', async () => {
    const form = formById('project-health-wan2');
    form.funds[0]!.rate = '50.00%';
    const { ev, result } = await readTika(form, emptyFundsCellsVanish(['年初预算数']));
    expect(result.findings.filter((f) => f.rule === 'extract-funds-columns').map((f) => f.location.path)).toContain('/funds/lines/0');
    const total = ev.funds!.lines[0]!;
    expect([total.budget?.value ?? null, total.executed?.value ?? null, total.rate?.value ?? null]).toEqual([null, null, null]);
    expect(result.findings.map((f) => f.rule)).not.toContain('execution-rate');
  });
});

describe.each(CLEAN_FORMS.map((form) => ({ id: form.id, form })))('every clean form as a Tika dump whose empty funds cells all vanish: $id', ({ form }) => {
  it('reads the funds as printed and gives the findings of the dump that keeps them', async () => {
    const { ev, result } = await readTika(form, emptyFundsCellsVanish());
    expectFunds(ev, expectedEvaluation(form));
    const kept = await readTika(form);
    expect(serious(result)).toEqual(serious(kept.result));
  });
});

describe.each(FORMATS)('a merged 其中 cell of its own beside the component rows, as $name', (format) => {
  const plain = formById('project-road-wan');
  const form = formById('project-road-wan');
  form.qizhongCell = true;
  form.funds = form.funds.map((line, i) => (i === 0 ? line : { ...line, label: line.label.replace(/^其中[:：]/u, '') }));

  it('the fixture: 其中 printed once, in a cell of its own', () => {
    const text = format.ext === 'txt' ? new TextDecoder().decode(format.render(form)) : renderTika(form);
    const rows = fundsRowsOf(text);
    expect(rows[1]!.slice(0, 3)).toEqual(['', '其中', '当年财政拨款']);
    expect(rows[2]!.slice(0, 3)).toEqual(['', '', '上年结转资金']);
  });

  it('keeps the component rows’ own labels and sources, and their amounts', async () => {
    const { ev } = await readOne(format.render(form), `${form.id}-qizhong.${format.ext}`);
    expect(ev.funds!.lines.map((l) => [l.label, l.source])).toEqual([
      ['年度资金总额', 'total'],
      ['当年财政拨款', 'current'],
      ['上年结转资金', 'carryover'],
      ['其他资金', 'other'],
    ]);
    expectFunds(ev, expectedEvaluation(form));
  });

  it('a 其中 amount that does not add up is reported against the rows by their names', async () => {
    const wrong = structuredClone(form);
    wrong.funds[1]!.executed = '1200';
    const { result, ev } = await readOne(format.render(wrong), `${form.id}-qizhong-wrong.${format.ext}`);
    const sum = result.findings.filter((f) => f.rule === 'funds-source-sum');
    expect(sum.map((f) => f.location.path)).toEqual(['/funds/lines/0/executed']);
    // 其他资金 prints "—" in every column here: an absent source, not added up.
    expect(wrong.funds[3]!.executed).toBe('—');
    expect(sum[0]!.related.map((r) => r.path)).toEqual(['/funds/lines/1/executed', '/funds/lines/2/executed']);
    expect([1, 2].map((i) => ev.funds!.lines[i]!.label)).toEqual(['当年财政拨款', '上年结转资金']);
    expect(result.findings.filter((f) => f.severity !== 'info' && f.rule !== 'funds-source-sum')).toEqual([]);
  });

  it('the form with "其中：" in the row label reads as before', async () => {
    const { ev } = await readOne(format.render(plain), `${plain.id}.${format.ext}`);
    expect(ev.funds!.lines.map((l) => l.source)).toEqual(['total', 'current', 'carryover', 'other']);
    expectFunds(ev, expectedEvaluation(plain));
  });
});

describe.each(FORMATS)('a unit stated on a line just above the table, as $name', (format) => {
  /** A copy of a clean form whose funds label prints no unit, with `line` above the table. */
  const withLine = (id: string, line: string | undefined, bare = true): MofForm => {
    const form = formById(id);
    if (line) form.unitLine = line;
    form.bareFundsLabel = bare;
    return form;
  };
  const read = async (form: MofForm, tag: string) => (await readOne(format.render(form), `${form.id}-${tag}.${format.ext}`)).ev;

  it.each(['金额单位：元', '单位:元', '（单位：元）'])('"%s" with 项目资金 (no unit): the amounts are 元', async (line) => {
    const form = withLine('project-school-yuan', line);
    expect(form.moneyUnit).toBe('元');
    const ev = await read(form, 'line');
    expect(ev.funds!.unit).toBe('元');
    expectFunds(ev, expectedEvaluation(form));
  });

  it('a 元 unit line under 项目资金（万元）: the label wins, the amounts stay 万元', async () => {
    const form = withLine('project-road-wan', '金额单位：元', false);
    const ev = await read(form, 'label-wins');
    expect(ev.funds!.unit).toBe('万元');
    expectFunds(ev, expectedEvaluation(form));
  });

  it('no unit line and no unit in the label: 万元, as before', async () => {
    const form = withLine('project-road-wan', undefined);
    const ev = await read(form, 'no-unit');
    expect(ev.funds!.unit).toBe('万元');
    expectFunds(ev, expectedEvaluation(form));
  });

  it('"填报单位：元谋县财政局" names a unit of government, not 元: 万元', async () => {
    const form = withLine('project-road-wan', '填报单位：元谋县财政局');
    const ev = await read(form, 'org');
    expect(ev.funds!.unit).toBe('万元');
    expectFunds(ev, expectedEvaluation(form));
  });

  it('the unit line does not touch the indicators: their targets keep their own units', async () => {
    const form = withLine('project-school-yuan', '金额单位：元');
    const ev = await read(form, 'indicators');
    const exp = expectedEvaluation(form);
    expect(ev.indicators.map((i) => i.target?.unit ?? null)).toEqual(exp.indicators.map((i) => i.target.unit));
  });
});
