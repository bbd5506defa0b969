/**
 * The Ministry-of-Finance half of the corpus: a clean 项目支出 or 部门整体 绩效自评表 from the test
 * catalogue (test/helpers/mof), or a multi-form document (a 决算公开 with several project forms, or a
 * 部门整体 form followed by project forms), varied per document so that no two are alike: county and
 * unit names, the year, a batch number in the project name, and every amount scaled by one factor. The
 * variation goes through the catalogue's own builder (buildForm), which derives totals, 执行率, scores
 * and grade from the varied amounts and rejects anything inconsistent, so every form stays clean.
 */
import { buildForm, D, type ComponentSpec, type FormSpec } from '../../test/helpers/mof/build.js';
import { ANIMAL_EPIDEMIC, CULTURE_BUREAU, FARMLAND, RURAL_TOILET, SEED, TOURISM } from '../../test/helpers/mof/catalogue-documents.js';
import { DEPARTMENT_SPECS } from '../../test/helpers/mof/catalogue-department.js';
import { CULTURE, PROJECT_SPECS } from '../../test/helpers/mof/catalogue-project.js';
import { incomeExpenditureTable } from '../../test/helpers/mof/documents.js';
import { renderDocx } from '../../test/helpers/mof/docx.js';
import type { MofForm } from '../../test/helpers/mof/form.js';
import type { DocPart, Printable } from '../../test/helpers/mof/parts.js';
import { renderTika } from '../../test/helpers/mof/tika.js';
import type { Rng } from '../prng.js';

/** The catalogue's county; every name and goal that mentions it is moved to the drawn county. */
const CATALOGUE_COUNTY = '云岭';
const COUNTIES = ['青溪', '白石', '临川', '安平', '桂阳', '松桃', '永定', '丰宁', '龙泉', '沅江', '武陵', '长宁'];
const YEARS = ['2021', '2022', '2023', '2024'];
const BATCHES = ['', '', '（第一批）', '（第二批）', '（续建）'];

export type MofShape = 'form' | 'final-accounts' | 'department-plus-projects';

export interface MofSpec {
  shape: MofShape;
  /** Catalogue ids of the forms, in document order. */
  formIds: string[];
  forms: MofForm[];
  /** What the renderers print: one form, or a document's parts. */
  printable: Printable;
  county: string;
  year: string;
  /** The factor every amount was scaled by. */
  scale: string;
}

/** Move a name or goal to another county and year (the catalogue is all 云岭县, 2023). */
function relabel(s: string | undefined, county: string, year: string): string | undefined {
  return s === undefined ? undefined : s.replaceAll(CATALOGUE_COUNTY, county).replaceAll('2023', year);
}

function scaleComponent(c: ComponentSpec, k: D, decimals: number): ComponentSpec {
  if (typeof c === 'string') return c;
  const s = (v: string) => new D(v.replace(/,/gu, '')).times(k).toFixed(decimals);
  return { ...(c.initial !== undefined ? { initial: s(c.initial) } : {}), budget: s(c.budget), executed: s(c.executed) };
}

/** A varied copy of a catalogue spec, built into a form (scale 1 when no drawn factor builds cleanly). */
function variedForm(spec: FormSpec, rng: Rng, county: string, year: string, batch: string): { form: MofForm; scale: string } {
  const base: FormSpec = {
    ...spec,
    year,
    projectName: spec.projectName === undefined ? undefined : `${relabel(spec.projectName, county, year)}${batch}`,
    authority: relabel(spec.authority, county, year),
    unit: relabel(spec.unit, county, year),
    department: relabel(spec.department, county, year),
    goals: { expected: relabel(spec.goals.expected, county, year)!, actual: relabel(spec.goals.actual, county, year)! },
  };
  // Rounding the scaled amounts to the printed decimals can move 执行率 across a rounding edge that the
  // builder rejects; a few draws always find a clean factor, and the catalogue's own amounts are clean.
  for (let attempt = 0; attempt < 8; attempt++) {
    const k = new D(rng.int(40, 260)).div(100);
    const varied: FormSpec = {
      ...base,
      funds: { ...base.funds, components: base.funds.components.map((c) => scaleComponent(c, k, base.funds.decimals)) as FormSpec['funds']['components'] },
    };
    try {
      return { form: buildForm(varied), scale: k.toString() };
    } catch {
      // another factor
    }
  }
  return { form: buildForm(base), scale: '1' };
}

const FINAL_ACCOUNTS = [ANIMAL_EPIDEMIC, FARMLAND, RURAL_TOILET, SEED];

/** MoF document `rng` draws: 70% a single catalogue form, 20% a 决算公开 with 2–4 forms, 10% 部门整体 + projects. */
export function drawMof(rng: Rng): MofSpec {
  const county = rng.pick(COUNTIES);
  const year = rng.pick(YEARS);
  const countyName = `${county}县`;
  const roll = rng.next();
  if (roll < 0.7) {
    const spec = rng.pick([...PROJECT_SPECS, ...DEPARTMENT_SPECS]);
    const { form, scale } = variedForm(spec, rng, county, year, spec.kind === 'project' ? rng.pick(BATCHES) : '');
    return { shape: 'form', formIds: [spec.id], forms: [form], printable: form, county, year, scale };
  }
  if (roll < 0.9) {
    const count = rng.int(2, 4);
    const first = rng.int(0, FINAL_ACCOUNTS.length - count);
    const varied = FINAL_ACCOUNTS.slice(first, first + count).map((s) => variedForm(s, rng, county, year, ''));
    const forms = varied.map((v) => v.form);
    const bureau = `${countyName}农业农村局`;
    const parts: DocPart[] = [
      { kind: 'heading', text: `${bureau}${year}年度部门决算` },
      { kind: 'heading', text: '第一部分\u3000部门概况' },
      { kind: 'paragraph', text: `一、主要职能：贯彻落实党中央关于“三农”工作的方针政策，统筹研究和组织实施${countyName}“三农”工作发展战略。` },
      { kind: 'heading', text: `第二部分\u3000${year}年度部门决算表` },
      incomeExpenditureTable(bureau),
      { kind: 'heading', text: `第三部分\u3000${year}年度部门决算情况说明` },
      { kind: 'paragraph', text: `六、预算绩效情况说明：${year}年度本部门对${forms.length}个项目开展了绩效自评，自评结果如下。` },
      { kind: 'heading', text: `七、${year}年度项目支出绩效自评表` },
      ...forms.map((form): DocPart => ({ kind: 'form', form })),
    ];
    return { shape: 'final-accounts', formIds: forms.map((f) => f.id), forms, printable: parts, county, year, scale: varied.map((v) => v.scale).join(',') };
  }
  const varied = [CULTURE_BUREAU, CULTURE, TOURISM].map((s) => variedForm(s, rng, county, year, ''));
  const forms = varied.map((v) => v.form);
  const parts: DocPart[] = [
    { kind: 'heading', text: `${countyName}文化和旅游局${year}年度绩效自评结果公开` },
    { kind: 'heading', text: '一、部门整体支出绩效自评情况' },
    { kind: 'form', form: forms[0]! },
    { kind: 'heading', text: '二、项目支出绩效自评情况' },
    ...forms.slice(1).map((form): DocPart => ({ kind: 'form', form })),
  ];
  return { shape: 'department-plus-projects', formIds: forms.map((f) => f.id), forms, printable: parts, county, year, scale: varied.map((v) => v.scale).join(',') };
}

export function buildMof(spec: MofSpec, format: 'docx' | 'txt'): Uint8Array {
  return format === 'docx' ? renderDocx(spec.printable) : new TextEncoder().encode(renderTika(spec.printable));
}
