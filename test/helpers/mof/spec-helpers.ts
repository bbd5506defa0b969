/** Short constructors for indicator specs, so that the catalogue reads like the forms it describes. */
import type { IndSpec } from './build.js';

export const OUT = '产出指标';
export const EFF = '效益指标';
export const SAT = '满意度指标';
export const QTY = '数量指标';
export const QUA = '质量指标';
export const TIME = '时效指标';
export const COST = '成本指标';
export const ECO = '经济效益指标';
export const SOC = '社会效益指标';
export const ENV = '生态效益指标';
export const SUS = '可持续影响指标';
export const SVC = '服务对象满意度指标';

type Kind = 'positive' | 'reverse' | 'equal';

const KIND_OF: Record<string, Kind> = {
  '≥': 'positive',
  '≧': 'positive',
  '＞': 'positive',
  不低于: 'positive',
  '≤': 'reverse',
  不超过: 'reverse',
  '=': 'equal',
  '﹦': 'equal',
  '═': 'equal',
};

/** A quantitative indicator; the comparator decides how it is scored. */
export function q(l1: string, l2: string, l3: string, cmp: string, value: string, unit: string, actual: string, weight: string, reason?: string): IndSpec {
  const kind = KIND_OF[cmp];
  if (!kind) throw new Error(`unknown comparator ${cmp}`);
  return { l1, l2, l3, kind, cmp, value, unit, actual, weight, ...(reason !== undefined ? { reason } : {}) };
}

/** A qualitative indicator scored `score` (default: full weight). */
export function ql(l1: string, l2: string, l3: string, target: string, actual: string, weight: string, score?: string, reason?: string): IndSpec {
  return { l1, l2, l3, kind: 'qualitative', target, actual, weight, ...(score !== undefined ? { score } : {}), ...(reason !== undefined ? { reason } : {}) };
}

/** A deadline ("10月前" against "8月"), met. */
export function dl(l1: string, l2: string, l3: string, target: string, actual: string, weight: string): IndSpec {
  return { l1, l2, l3, kind: 'deadline', target, actual, weight };
}

/** An unused template slot such as a bare "指标2:". */
export function slot(l1: string, l2: string, l3: string): IndSpec {
  return { l1, l2, l3, kind: 'slot' };
}
