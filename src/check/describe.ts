/**
 * Human labels for finding locations: a JSON pointer into the report becomes the section and cell
 * label an auditor looks for ("评分表 › 项目决策 › 资金分配 › 分配结果 › 自评得分（表6 第6行 第9列）").
 */
import type { Lang } from '../model/errors.js';
import type { FindingLocation } from '../model/finding.js';
import type { Evaluation, MoneyColumn } from '../model/evaluation.js';

type Pair = { zh: string; en: string };
const P = (zh: string, en: string): Pair => ({ zh, en });

const SECTION = {
  cover: P('封面', 'cover'),
  overview: P('一、项目基本概况', 'I. Project overview'),
  expenditures: P('二、项目支出明细情况', 'II. Expenditure details'),
  performance: P('三、项目绩效自评情况', 'III. Performance self-evaluation'),
  narrative: P('五、评价报告综述', 'V. Narrative'),
  rubric: P('评分表', 'scoring table'),
  form: P('表头', 'form header'),
  indicators: P('绩效指标', 'performance indicators'),
  document: P('整份文件', 'whole document'),
};

const FIELD: Record<string, Pair> = {
  projectName: P('项目名称', 'project name'),
  projectUnit: P('项目单位', 'project unit'),
  authority: P('主管部门', 'supervising department'),
  evaluationType: P('评价类型', 'evaluation type'),
  evaluationMethod: P('评价方式', 'evaluation method'),
  evaluationAgency: P('评价机构', 'evaluation agency'),
  reportDate: P('报告日期', 'report date'),
  projectLead: P('项目负责人', 'project lead'),
  phone: P('联系电话', 'phone'),
  address: P('项目地址', 'address'),
  postcode: P('邮编', 'postcode'),
  period: P('项目起止时间', 'project period'),
  start: P('开始', 'start'),
  end: P('结束', 'end'),
  planned: P('计划安排资金', 'planned funds'),
  budget: P('计划安排资金', 'planned funds'),
  initialBudget: P('年初预算数', 'initial budget'),
  executed: P('全年执行数', 'executed'),
  rate: P('执行率', 'execution rate'),
  arrived: P('实际到位资金', 'funds arrived'),
  spent: P('实际支出', 'spent'),
  balance: P('结余', 'balance'),
  amount: P('实际支出数', 'amount'),
  voucher: P('会计凭证号', 'voucher'),
  note: P('备注', 'note'),
  content: P('指标内容', 'content'),
  target: P('指标（目标）值', 'target'),
  actual: P('实际完成值', 'actual'),
  level1: P('一级指标', 'level 1'),
  level2: P('二级指标', 'level 2'),
  score: P('自评得分', 'self-score'),
  grade: P('评价等次', 'grade'),
  weight: P('分值', 'weight'),
  indicator: P('具体指标', 'indicator'),
  criteria: P('评价标准', 'criteria'),
  name: P('名称', 'name'),
};

function segments(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/gu, '/').replace(/~0/gu, '~'));
}

function field(key: string | undefined, lang: Lang): string[] {
  if (key === undefined) return [];
  return [FIELD[key]?.[lang] ?? key];
}

/** The label parts of a pointer into an evaluation, from the section down to the cell. */
export function describePath(path: string, ev: Evaluation | null, lang: Lang): string[] {
  const [head, a, b, c, d] = segments(path);
  const t = (p: Pair) => p[lang];
  // The Hunan report names its sections; an MoF-style form is one table with blocks.
  const hunan = !!ev?.hunan;
  switch (head) {
    case undefined:
    case '':
      return [t(SECTION.document)];
    case 'identity':
      return [hunan ? t(SECTION.cover) : t(SECTION.form), identityField(a, ev, lang)];
    case 'hunan':
      return hunanPath(ev, a, b, c, d, lang);
    case 'funds': {
      const funds = P('资金情况', 'funds');
      const where = hunan ? [t(SECTION.overview), t(funds)] : [t(funds)];
      if (b === undefined) return where;
      const row = ev?.funds?.lines[Number(b)];
      const rowName = !row ? `#${b}` : row.role === 'total' && hunan ? t(P('合计', 'total')) : row.label.replace(/^\s*其中[:：]\s*/u, '');
      const column = c && c in (ev?.funds?.columns ?? {}) && lang === 'zh' ? ev!.funds!.columns[c as MoneyColumn]! : undefined;
      const own = c === 'score' && !hunan ? [t(P('得分', 'score'))] : field(c === 'executed' && hunan ? 'spent' : c, lang);
      return [...where, rowName, ...(column ? [column] : own)];
    }
    case 'goals': {
      const which = t(a === 'expected' ? P('预期目标', 'expected') : hunan ? P('实际完成', 'achieved') : P('实际完成情况', 'achieved'));
      return hunan ? [t(SECTION.performance), t(P('定性目标', 'qualitative goals')), which] : [t(P('年度总体目标', 'yearly goals')), which];
    }
    case 'indicators':
      return [hunan ? t(SECTION.rubric) : t(SECTION.indicators), ...indicatorPath(ev, a, b, c, lang)];
    case 'totals': {
      if (a === 'indicatorsWeight') return [t(SECTION.indicators), t(FIELD.weight!)];
      if (a === 'headline') return [t(SECTION.performance), t(P('绩效自评综合得分', 'overall score'))];
      if (a === 'grade') return hunan ? [t(SECTION.performance), t(FIELD.grade!)] : [t(P('总分', 'total')), t(FIELD.grade!)];
      const total = [hunan ? t(SECTION.rubric) : t(SECTION.form), t(P('总分', 'total'))];
      return [...total, a === 'weight' ? t(FIELD.weight!) : t(FIELD.score!)];
    }
    case 'narrative': {
      const s = ev?.narrative[Number(a)];
      const title = s ? `${s.key ? `（${s.key}）` : ''}${s.title}` : `#${a}`;
      return [t(SECTION.narrative), title];
    }
    default:
      return [path];
  }
}

function identityField(key: string | undefined, ev: Evaluation | null, lang: Lang): string {
  if (key === 'unit') {
    if (ev?.hunan) return FIELD.projectUnit![lang];
    return (ev?.kind === 'department' ? P('部门（单位）', 'department') : P('实施单位', 'implementing unit'))[lang];
  }
  return field(key, lang)[0] ?? '';
}

function hunanPath(ev: Evaluation | null, a: string | undefined, b: string | undefined, c: string | undefined, d: string | undefined, lang: Lang): string[] {
  const t = (p: Pair) => p[lang];
  switch (a) {
    case 'cover':
      return [t(SECTION.cover), ...field(b, lang)];
    case 'overview':
      return [t(SECTION.overview), ...field(b, lang), ...field(c, lang)];
    case 'expenditures': {
      if (b === 'total') return [t(SECTION.expenditures), t(P('支出合计', 'expenditure total'))];
      const line = ev?.hunan?.expenditures?.lines[Number(c)];
      return [t(SECTION.expenditures), line?.content.value ?? `#${c}`, ...field(d, lang)];
    }
    case 'indicators': {
      const row = ev?.hunan?.indicators[Number(b)];
      const names = [row?.level2?.value, row?.content?.value].filter((n): n is string => !!n).map((n) => short(n, 24));
      return [t(SECTION.performance), t(P('定量指标', 'indicators')), ...(names.length ? names : [`#${b}`]), ...field(c, lang)];
    }
    default:
      return [t(SECTION.document)];
  }
}

function indicatorPath(ev: Evaluation | null, index: string | undefined, key: string | undefined, sub: string | undefined, lang: Lang): string[] {
  const item = ev?.indicators[Number(index)];
  const hunan = !!ev?.hunan;
  const fieldName = (k: string | undefined) => (k === 'score' && !hunan ? [lang === 'zh' ? '得分' : 'score'] : field(k, lang));
  if (!item) return [`#${index}`, ...fieldName(sub ?? key)];
  const names = [item.level1, item.level2, item.level3].map((l) => l?.name.value ?? null);
  const depth = key === 'level1' ? 1 : key === 'level2' ? 2 : 3;
  const chain = names.slice(0, depth).filter((n): n is string => !!n);
  return [...chain, ...fieldName(key?.startsWith('level') ? sub : key)];
}

function short(text: string, max: number): string {
  const one = text.replace(/\s+/gu, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/**
 * "（表6 第6行 第9列）" / "(table 6, row 6, col 9)", or the line for text outside tables. Counted from 1
 * for people, like the audit view; the JSON and CSV location fields stay 0-based as SPEC says.
 */
export function describePosition(l: FindingLocation, lang: Lang): string {
  if (l.table !== undefined && l.row !== undefined) {
    const [t, r] = [l.table + 1, l.row + 1];
    const col = l.col !== undefined ? (lang === 'zh' ? ` 第${l.col + 1}列` : `, col ${l.col + 1}`) : '';
    return lang === 'zh' ? `（表${t} 第${r}行${col}）` : ` (table ${t}, row ${r}${col})`;
  }
  if (l.line !== undefined) return lang === 'zh' ? ` 第${l.line}行` : `, line ${l.line}`;
  return '';
}

/** The whole "where to look": label, position, and the printed text or the sentence. */
export function describeLocation(l: FindingLocation, ev: Evaluation | null, lang: Lang): string {
  const label = describePath(l.path, ev, lang).join(' › ');
  const narrative = l.excerpt !== undefined;
  const pos = narrative && l.line !== undefined ? (lang === 'zh' ? ` 第${l.line}行` : `, line ${l.line}`) : describePosition(l, lang);
  const quote = narrative ? `${lang === 'zh' ? '：' : ': '}“${short(l.excerpt!, 120)}”` : l.text ? ` “${short(l.text, 40)}”` : '';
  return `${label}${pos}${quote}`;
}
