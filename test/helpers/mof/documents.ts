/**
 * Multi-form documents as ordered parts: a 决算公开 document (收入支出决算总表 first, then four project
 * forms under "七、2023年度项目支出绩效自评表"), a 绩效自评结果公开 with a 部门整体 form followed by two
 * project forms, and a document holding only 决算 tables (to be read as not-a-report). Each renders to
 * docx, Tika text and HTML with the same renderers as a single form.
 */
import { buildForm, D } from './build.js';
import { CULTURE } from './catalogue-project.js';
import { ANIMAL_EPIDEMIC, CULTURE_BUREAU, FARMLAND, RURAL_TOILET, SEED, TOURISM } from './catalogue-documents.js';
import type { MofForm } from './form.js';
import type { SpecCell, TableSpec } from './layout.js';
import type { DocPart } from './parts.js';

export interface MofDocument {
  id: string;
  description: string;
  parts: DocPart[];
  /** The self-evaluation forms in document order (what a reader must find, part 1, 2, …). */
  forms: MofForm[];
  /** What the pipeline must conclude: one evaluation per form, or not-a-report. */
  expected: 'forms' | 'not-a-report';
}

/** The run of ideographic spaces between the unit's name and the money unit above a 决算 table. */
const GAP = '\u3000'.repeat(6);

const cell = (text: string, colspan = 1): SpecCell => (colspan > 1 ? { text, colspan } : { text });

/** 收入支出决算总表（公开01表）: income on the left, expenditure on the right, each with 行次. */
export function incomeExpenditureTable(department: string): DocPart {
  const rows: [string, string, string, string, string, string][] = [
    ['一、一般公共预算财政拨款收入', '1', '3,120.48', '一、一般公共服务支出', '32', ''],
    ['二、政府性基金预算财政拨款收入', '2', '', '二、社会保障和就业支出', '33', '156.32'],
    ['三、国有资本经营预算财政拨款收入', '3', '', '三、卫生健康支出', '34', '48.75'],
    ['四、上级补助收入', '4', '', '四、农林水支出', '35', '3,021.65'],
    ['五、事业收入', '5', '', '五、住房保障支出', '36', ''],
    ['六、其他收入', '6', '45.00', '', '37', ''],
    ['本年收入合计', '7', '3,165.48', '本年支出合计', '38', '3,226.72'],
    ['使用专用结余', '8', '', '结余分配', '39', ''],
    ['年初结转和结余', '9', '186.20', '年末结转和结余', '40', '124.96'],
    ['总计', '10', '3,351.68', '总计', '41', '3,351.68'],
  ];
  const table: TableSpec = {
    cols: 6,
    rows: [
      [cell('收入', 3), cell('支出', 3)],
      ['项目', '行次', '金额', '项目', '行次', '金额'].map((t) => cell(t)),
      ['栏次', '', '1', '栏次', '', '2'].map((t) => cell(t)),
      ...rows.map((r) => r.map((t) => cell(t))),
    ],
  };
  return { kind: 'table', lines: ['收入支出决算总表', '公开01表', `编制单位：${department}${GAP}金额单位：万元`], table };
}

/** 部门收支总表: 收入 | 预算数 | 支出 | 预算数 (a budget table, also no self-evaluation). */
export function departmentBudgetTable(department: string): DocPart {
  const rows: [string, string, string, string][] = [
    ['一、一般公共预算拨款收入', '3,120.48', '一、社会保障和就业支出', '150.00'],
    ['二、政府性基金预算拨款收入', '', '二、卫生健康支出', '45.00'],
    ['三、国有资本经营预算拨款收入', '', '三、农林水支出', '2,970.48'],
    ['四、事业收入', '', '', ''],
    ['五、其他收入', '45.00', '', ''],
    ['本年收入合计', '3,165.48', '本年支出合计', '3,165.48'],
    ['上年结转结余', '', '年末结转结余', ''],
    ['收入总计', '3,165.48', '支出总计', '3,165.48'],
  ];
  const table: TableSpec = {
    cols: 4,
    rows: [[cell('收入', 2), cell('支出', 2)], ['项目', '预算数', '项目', '预算数'].map((t) => cell(t)), ...rows.map((r) => r.map((t) => cell(t)))],
  };
  return { kind: 'table', lines: ['部门收支总表', `部门：${department}${GAP}单位：万元`], table };
}

const AGRI_BUREAU = '云岭县农业农村局';

function finalAccounts(): MofDocument {
  const forms = [ANIMAL_EPIDEMIC, FARMLAND, RURAL_TOILET, SEED].map(buildForm);
  const budgets = forms.reduce((sum, f) => sum.plus(f.funds[0]!.budget.replace(/,/gu, '')), new D(0));
  const parts: DocPart[] = [
    { kind: 'heading', text: `${AGRI_BUREAU}2023年度部门决算` },
    { kind: 'heading', text: '第一部分　部门概况' },
    { kind: 'paragraph', text: '一、主要职能：贯彻落实党中央关于“三农”工作的方针政策，统筹研究和组织实施全县“三农”工作发展战略、中长期规划和重大政策。' },
    { kind: 'heading', text: '第二部分　2023年度部门决算表' },
    incomeExpenditureTable(AGRI_BUREAU),
    { kind: 'heading', text: '第三部分　2023年度部门决算情况说明' },
    { kind: 'paragraph', text: '一、收入支出决算总体情况说明：2023年度收入总计3351.68万元，支出总计3351.68万元。与上年相比，收支总计各增加215.30万元，主要原因是高标准农田建设资金增加。' },
    { kind: 'paragraph', text: `六、预算绩效情况说明：2023年度本部门对${forms.length}个项目开展了绩效自评，涉及资金${budgets.toFixed(2)}万元，自评结果如下。` },
    { kind: 'heading', text: '七、2023年度项目支出绩效自评表' },
    ...forms.map((form): DocPart => ({ kind: 'form', form })),
    { kind: 'heading', text: '第四部分　名词解释' },
    { kind: 'paragraph', text: '一、财政拨款收入：指县级财政当年拨付的资金。二、年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。' },
  ];
  return { id: 'final-accounts-4-projects', description: '决算公开: 收入支出决算总表, then 4 project forms', parts, forms, expected: 'forms' };
}

function departmentThenProjects(): MofDocument {
  const forms = [CULTURE_BUREAU, CULTURE, TOURISM].map(buildForm);
  const [dept, ...projects] = forms;
  const parts: DocPart[] = [
    { kind: 'heading', text: '云岭县文化和旅游局2023年度绩效自评结果公开' },
    { kind: 'paragraph', text: '根据《云岭县财政局关于开展2023年度预算绩效自评工作的通知》要求，现将我局2023年度部门整体支出和项目支出绩效自评结果公开如下。' },
    { kind: 'heading', text: '一、部门整体支出绩效自评情况' },
    { kind: 'form', form: dept! },
    { kind: 'heading', text: '二、项目支出绩效自评情况' },
    ...projects.map((form): DocPart => ({ kind: 'form', form })),
  ];
  return { id: 'department-plus-2-projects', description: '部门整体 form followed by 2 project forms (万元 and 元, single and split)', parts, forms, expected: 'forms' };
}

function tablesOnly(): MofDocument {
  const parts: DocPart[] = [
    { kind: 'heading', text: `${AGRI_BUREAU}2023年度部门预决算公开表` },
    { kind: 'heading', text: '一、收入支出决算总表' },
    incomeExpenditureTable(AGRI_BUREAU),
    { kind: 'heading', text: '二、部门收支总表' },
    departmentBudgetTable(AGRI_BUREAU),
  ];
  return { id: 'final-accounts-tables-only', description: '收入支出决算总表 and 部门收支总表 only: not a self-evaluation', parts, forms: [], expected: 'not-a-report' };
}

export const MOF_DOCUMENTS: readonly MofDocument[] = [finalAccounts(), departmentThenProjects(), tablesOnly()];

export function documentById(id: string): MofDocument {
  const doc = MOF_DOCUMENTS.find((d) => d.id === id);
  if (!doc) throw new Error(`no MoF document ${id}`);
  return doc;
}
