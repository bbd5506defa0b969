/**
 * Hubei forms: a clean one with 其中 rows and a 分值 column, a clean one without 其中 rows and WITHOUT
 * the 分值 column (each 三级 worth 80 / 8 = 10), and two single-fault copies.
 */
import { num, qn, qt, sum } from './common.js';
import { clone, type VariantFault } from './fault.js';
import { buildHubei, hubeiCategory, type HubeiForm, type HubeiSpec } from './hubei.js';

const OUT = '产出指标';
const EFF = '效益指标';
const SAT = '满意度指标';

/** Water supply: 其中 rows (中央/省级/县级), 分值 column, rate 93.57%, a missed ≥ row, a qualitative row. */
const WATER: HubeiSpec = {
  id: 'hubei-water-supply',
  year: '2023',
  unitName: '汉川湾县水利和湖泊局',
  filledDate: '2024年3月20日',
  projectName: '城乡供水一体化建设项目',
  authority: '汉川湾县水利和湖泊局',
  unit: '汉川湾县农村供水管理站',
  category: hubeiCategory('基本建设项目'),
  components: [
    { label: '其中：中央财政资金', budget: '400.00', executed: '380.00' },
    { label: '省级财政资金', budget: '200.00', executed: '196.50' },
    { label: '县级财政资金', budget: '150.00', executed: '125.30' },
  ],
  weightColumn: true,
  indicators: [
    qn(OUT, '数量指标', '新建供水管网长度', '≥', '35', '公里', '36.2公里', '10'),
    qn(OUT, '数量指标', '新建加压泵站', '=', '3', '座', '3座', '10'),
    qn(OUT, '质量指标', '出厂水水质达标率', '=', '100', '%', '100%', '10'),
    qn(OUT, '时效指标', '工程完工率', '≥', '95', '%', '92%', '10', '2个村因征地协调延后施工，计划次年5月前完工'),
    qn(OUT, '成本指标', '管网每公里造价', '≤', '18', '万元', '17.6万元', '10'),
    qn(EFF, '社会效益指标', '受益人口', '≥', '4.5', '万人', '4.8万人', '10'),
    qt(EFF, '可持续影响指标', '供水保障长效机制', '建立管护机制', '达成年度指标', '10'),
    qn(SAT, '服务对象满意度指标', '用水群众满意度', '≥', '90', '%', '94%', '10'),
  ],
};

/** Student meals: no 其中 rows, NO 分值 column (implicit 10 each), rate 96.50%, a 部分达成 qualitative row. */
const MEALS: HubeiSpec = {
  id: 'hubei-student-meals',
  year: '2023',
  unitName: '汉川湾县教育局',
  filledDate: '2024年4月8日',
  projectName: '农村义务教育学生营养改善计划',
  authority: '汉川湾县教育局',
  unit: '汉川湾县学生资助管理中心',
  category: hubeiCategory('专项项目'),
  total: { budget: '620.00', executed: '598.30' },
  weightColumn: false,
  indicators: [
    qn(OUT, '数量指标', '受益学生人数', '≥', '12000', '人', '12150人', '10'),
    qn(OUT, '数量指标', '供餐天数', '≥', '200', '天', '196天', '10', '极端天气停课4天，次年按校历补足'),
    qn(OUT, '质量指标', '食品安全事故发生数', '=', '0', '起', '0起', '10'),
    qn(OUT, '时效指标', '资金拨付及时率', '=', '100', '%', '100%', '10'),
    qn(OUT, '成本指标', '每生每天补助标准', '=', '5', '元', '5元', '10'),
    qt(EFF, '社会效益指标', '学生营养健康状况', '逐步改善', '达成年度指标', '10'),
    qt(EFF, '可持续影响指标', '供餐长效机制', '持续规范供餐', '部分达成年度指标并具有一定效果', '10', '7.00', '部分学校食堂从业人员不足，次年补充'),
    qn(SAT, '服务对象满意度指标', '学生及家长满意度', '≥', '90', '%', '95%', '10'),
  ],
};

export const HUBEI_FORMS: readonly HubeiForm[] = [WATER, MEALS].map(buildHubei);

const byId = (id: string) => clone(HUBEI_FORMS.find((f) => f.id === id)!);

/** 自评总分 re-derived from the printed scores, so that a changed score is the only fault. */
function retotal(form: HubeiForm): void {
  form.total.score = sum([num(form.funds[0]!.score), ...form.indicators.map((r) => num(r.score))]).toFixed(2);
}

function executionScore(): VariantFault<HubeiForm> {
  const form = byId('hubei-student-meals');
  const line = form.funds[0]!;
  const expected = line.score;
  const actual = '19.03';
  form.id = 'hubei-fault-execution-score';
  line.score = actual;
  retotal(form);
  return { id: form.id, base: 'hubei-student-meals', description: '得分(20分*执行率) printed 19.03 for 20 × 96.50%', form, rule: 'execution-score', where: '年度财政资金总额', expected, actual };
}

function fullMarksOnMiss(): VariantFault<HubeiForm> {
  const form = byId('hubei-water-supply');
  const row = form.indicators.find((r) => r.level3 === '工程完工率')!;
  const expected = row.score;
  const actual = '10.00';
  form.id = 'hubei-fault-indicator-score';
  row.score = actual;
  retotal(form);
  return { id: form.id, base: 'hubei-water-supply', description: '工程完工率 ≥95% missed (92%) but scored full 10.00', form, rule: 'indicator-score', where: '工程完工率', expected, actual };
}

export const HUBEI_FAULTS: readonly VariantFault<HubeiForm>[] = [executionScore(), fullMarksOnMiss()];
