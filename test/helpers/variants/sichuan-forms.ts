/**
 * Sichuan forms: two clean ones (integer scores and a rate above 90%; two-decimal scores, a rate below
 * 90% with its reason, a qualitative 部分达成 row) and two single-fault copies.
 */
import { D, num, qn, qt, sum } from './common.js';
import { clone, type VariantFault } from './fault.js';
import { buildSichuan, type SichuanForm, type SichuanSpec } from './sichuan.js';

const OUT = '产出指标';
const EFF = '效益指标';
const SAT = '满意度指标';

/** Farmland: integer scores, 总额 rate 97.84%, 0.00 budgets on two 其中 rows (their rate 0.00%), a missed ≥ row. */
const FARMLAND: SichuanSpec = {
  id: 'sichuan-farmland',
  year: '2023',
  projectName: '2023年高标准农田建设项目',
  authority: '岷江县农业农村局',
  unit: '岷江县农田建设服务中心',
  goals: {
    target: '新建高标准农田1.2万亩，配套灌溉渠道18公里，项目区亩均粮食增产50公斤以上。',
    done: '建成高标准农田1.25万亩，新建灌溉渠道18.6公里，工程验收全部合格，亩均增产46公斤。',
  },
  process: '项目于2023年3月开工，11月完成全部建设内容，12月通过县级竣工验收。',
  components: [
    { initial: '500.00', adjusted: '520.00', executed: '509.62' },
    { initial: '0.00', adjusted: '0.00', executed: '0.00' },
    { initial: '30.00', adjusted: '30.00', executed: '28.50' },
    { initial: '0.00', adjusted: '0.00', executed: '0.00' },
  ],
  scoreDecimals: 0,
  indicators: [
    qn(OUT, '数量指标', '新建高标准农田面积', '≥', '1.2', '万亩', '1.25', '15'),
    qn(OUT, '数量指标', '新建灌溉渠道长度', '≥', '18', '公里', '18.6', '10'),
    qn(OUT, '质量指标', '工程验收合格率', '=', '100', '%', '100', '10'),
    qt(OUT, '时效指标', '项目完工时间', '按期完成', '达成年度指标', '5'),
    qn(OUT, '成本指标', '亩均建设成本', '≤', '3000', '元', '2960', '10'),
    qn(EFF, '经济效益指标', '亩均粮食增产', '≥', '50', '公斤', '46', '10', '部分地块当年土壤改良未见全效，次年加强田间管理'),
    qn(EFF, '社会效益指标', '受益农户数', '≥', '3200', '户', '3350', '10'),
    qn(EFF, '可持续影响指标', '工程设计使用年限', '≥', '15', '年', '15', '10'),
    qn(SAT, '服务对象满意度指标', '受益群众满意度', '≥', '90', '%', '95', '10'),
  ],
  conclusion: '项目完成年度建设任务，资金使用规范，自评等级为优。',
  problems: '部分地块增产效果未完全显现。',
  measures: '加强项目建成后的管护和农技指导。',
  projectLeader: '李明',
  financeLeader: '张丽',
};

/** Elderly care: two-decimal scores, 总额 rate 83.47% below 90% with its reason, a qualitative 部分达成 row. */
const ELDERLY: SichuanSpec = {
  id: 'sichuan-elderly-care',
  year: '2023',
  projectName: '社区居家养老服务能力提升项目',
  authority: '岷江县民政局',
  unit: '岷江县社会福利服务中心',
  goals: {
    target: '新建社区日间照料中心4个，全年开展上门服务12000人次，覆盖老年人5000人。',
    done: '建成社区日间照料中心4个，开展上门服务10800人次，覆盖老年人5230人。',
  },
  process: '项目分两批实施，照料中心于9月底前全部投入运营，上门服务由第三方机构承接。',
  components: [
    { initial: '300.00', adjusted: '320.00', executed: '268.80' },
    { initial: '0.00', adjusted: '0.00', executed: '0.00' },
    { initial: '0.00', adjusted: '0.00', executed: '0.00' },
    { initial: '20.00', adjusted: '20.00', executed: '15.00' },
  ],
  scoreDecimals: 2,
  fundsReason: '部分适老化设备采购合同尚未到付款节点',
  indicators: [
    qn(OUT, '数量指标', '新建社区日间照料中心', '=', '4', '个', '4', '15'),
    qn(OUT, '数量指标', '开展上门服务人次', '≥', '12000', '人次', '10800', '10', '服务机构进场较晚，次年提前招标'),
    qn(OUT, '质量指标', '服务设施验收合格率', '=', '100', '%', '100', '10'),
    qn(OUT, '时效指标', '资金支付进度', '≥', '90', '%', '83.47', '5', '设备采购合同未到付款节点'),
    qn(OUT, '成本指标', '单个照料中心建设成本', '≤', '60', '万元', '58.5', '10'),
    qn(EFF, '社会效益指标', '覆盖老年人数', '≥', '5000', '人', '5230', '15'),
    qt(EFF, '可持续影响指标', '社区养老服务运营机制', '持续稳定运营', '部分达成年度指标并具有一定效果', '10', '7.00', '运营主体尚在招募，长效机制未完全建立'),
    qn(SAT, '服务对象满意度指标', '老年人满意度', '≥', '90', '%', '92.5', '15'),
  ],
  conclusion: '项目基本完成年度目标，资金执行进度偏慢。',
  problems: '资金支付进度滞后，上门服务人次未达目标。',
  measures: '督促合同履约，按进度支付资金；扩大上门服务机构范围。',
  projectLeader: '王芳',
  financeLeader: '陈刚',
};

export const SICHUAN_FORMS: readonly SichuanForm[] = [FARMLAND, ELDERLY].map(buildSichuan);

const byId = (id: string) => clone(SICHUAN_FORMS.find((f) => f.id === id)!);

function wrongRate(): VariantFault<SichuanForm> {
  const form = byId('sichuan-farmland');
  const expected = form.funds[0]!.rate;
  // Two digits swapped; the integer score (10) is the same for both rates, so only the rate is wrong.
  const actual = '98.47%';
  form.id = 'sichuan-fault-rate';
  form.funds[0]!.rate = actual;
  return { id: form.id, base: 'sichuan-farmland', description: '总额 预算执行率 printed 98.47% for 538.12 / 550.00', form, rule: 'execution-rate', where: '总额', expected, actual };
}

function totalOff(): VariantFault<SichuanForm> {
  const form = byId('sichuan-elderly-care');
  const expected = form.total.score;
  const actual = num(expected).plus(new D(2)).toFixed(2);
  form.id = 'sichuan-fault-total';
  form.total.score = actual;
  return { id: form.id, base: 'sichuan-elderly-care', description: '合计 score 2 points above the sum of 得分 (execution item included)', form, rule: 'rubric-total', where: '合计', expected, actual };
}

export const SICHUAN_FAULTS: readonly VariantFault<SichuanForm>[] = [wrongRate(), totalOff()];

/** Σ 得分 of a Sichuan form (execution item included), for the fault descriptions' arithmetic. */
export const sichuanScoreSum = (f: SichuanForm): D => sum([num(f.funds[0]!.score), ...f.indicators.map((r) => num(r.score))]);

/**
 * A weight-only Sichuan form (mof-family §4, §7.5): 权重 and 合计 100 filled; every 完成值, 得分 and
 * 未完成原因分析 empty, the 总额 得分 too, so 合计 shows only the weight total. Amounts and rates stay.
 */
export function sichuanWeightOnly(baseId: string): SichuanForm {
  const form = byId(baseId);
  form.id = `${baseId}-weight-only`;
  form.funds[0]!.score = '';
  form.indicators = form.indicators.map((r) => ({ ...r, actual: '', score: '', reason: '' }));
  form.total = { weight: '100', score: '' };
  form.conclusion = '';
  return form;
}

export const SICHUAN_WEIGHT_ONLY: SichuanForm = sichuanWeightOnly('sichuan-farmland');
