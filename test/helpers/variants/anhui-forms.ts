/**
 * Anhui forms: two clean ones (two-decimal and integer scores; ★ rows, 其中 sub-rows, '……' placeholders)
 * and two single-fault copies.
 */
import { num, qn, qt, sum, type LeafSpec } from './common.js';
import { buildAnhui, type AnhuiForm, type AnhuiRowSpec, type AnhuiSpec } from './anhui.js';
import { clone, type VariantFault } from './fault.js';

const OUT = '产出指标';
const EFF = '效益指标';
const SAT = '满意度指标';

const leaf = (l: LeafSpec, key = false): AnhuiRowSpec => ({ leaf: l, ...(key ? { key } : {}) });
const sub = (l1: string, l2: string, l3: string, target: string, actual: string): AnhuiRowSpec => ({ sub: { l1, l2, l3, target, actual } });
const placeholder = (l1: string, l2: string): AnhuiRowSpec => ({ placeholder: { l1, l2 } });

/** Village roads (衔接资金): two-decimal scores, two 其中 sub-rows under a ★ row, a 生态效益指标 '……' slot, a missed ≥ row. */
const ROADS: AnhuiSpec = {
  id: 'anhui-village-roads',
  year: '2023',
  projectName: '2023年度脱贫村道路硬化项目',
  leader: '周建华 0556-5123456',
  authority: '皖南山县乡村振兴局',
  unit: '皖南山县交通运输局',
  components: [
    { budget: '260.00', executed: '255.80' },
    { budget: '40.00', executed: '40.00' },
  ],
  scoreDecimals: 2,
  goals: {
    set: '硬化脱贫村道路6.5公里，新建错车道12处，改善860名脱贫人口出行条件。',
    summary: '完成道路硬化6.8公里，新建错车道12处，工程验收合格，受益脱贫人口872人。',
  },
  rows: [
    leaf(qn(OUT, '数量指标', '新建硬化道路长度', '≥', '6.5', '公里', '6.8公里', '15'), true),
    sub(OUT, '数量指标', '其中：红星村', '3.5公里', '3.6公里'),
    sub(OUT, '数量指标', '其中：向阳村', '3公里', '3.2公里'),
    leaf(qn(OUT, '数量指标', '新建错车道', '=', '12', '处', '12处', '5')),
    leaf(qn(OUT, '质量指标', '工程验收合格率', '=', '100', '%', '100%', '10'), true),
    leaf(qn(OUT, '时效指标', '项目完工及时率', '≥', '95', '%', '100%', '10')),
    leaf(qn(OUT, '成本指标', '每公里建设成本', '≤', '42', '万元', '41.5万元', '10')),
    leaf(qn(EFF, '经济效益指标', '带动脱贫户增收', '≥', '500', '元/户', '460元/户', '10', '道路建成时间较晚，带动效应次年显现；加强产业配套')),
    leaf(qn(EFF, '社会效益指标', '受益脱贫人口', '≥', '860', '人', '872人', '10'), true),
    placeholder(EFF, '生态效益指标'),
    leaf(qn(EFF, '可持续影响指标', '道路设计使用年限', '≥', '10', '年', '10年', '10')),
    leaf(qn(SAT, '服务对象满意度指标', '受益群众满意度', '≥', '95', '%', '97%', '10')),
  ],
};

/** Ponds: integer scores, rate 91.25% (score 9), a ★ row with 其中 sub-rows, a 达成 qualitative row below full, a '……' slot. */
const PONDS: AnhuiSpec = {
  id: 'anhui-pond-repair',
  year: '2023',
  projectName: '小型农田水利设施维修养护项目',
  leader: '吴德明 0556-5207788',
  authority: '皖南山县水利局',
  unit: '皖南山县农村水利服务站',
  components: [
    { budget: '150.00', executed: '136.50' },
    { budget: '10.00', executed: '9.50' },
  ],
  scoreDecimals: 0,
  goals: {
    set: '维修塘坝25座，汛前完工率达到90%，新增及恢复灌溉面积3000亩。',
    summary: '完成塘坝维修25座，汛前完工率80%，新增及恢复灌溉面积3150亩。',
  },
  rows: [
    leaf(qn(OUT, '数量指标', '维修塘坝数量', '≥', '25', '座', '25座', '20'), true),
    sub(OUT, '数量指标', '其中：小（二）型水库', '5座', '5座'),
    sub(OUT, '数量指标', '其中：山塘', '20座', '20座'),
    leaf(qn(OUT, '质量指标', '维修工程验收合格率', '=', '100', '%', '100%', '15')),
    leaf(qn(OUT, '时效指标', '汛前完工率', '≥', '90', '%', '80%', '15', '连续降雨影响施工，已调整次年开工时间')),
    leaf(qn(EFF, '社会效益指标', '新增及恢复灌溉面积', '≥', '3000', '亩', '3150亩', '15'), true),
    leaf(qt(EFF, '生态效益指标', '水土流失状况', '有效改善', '达成年度指标', '15', '14', '水土保持效果需持续观察')),
    placeholder(EFF, '可持续影响指标'),
    leaf(qn(SAT, '服务对象满意度指标', '受益农户满意度', '≥', '90', '%', '92%', '10'), true),
  ],
};

export const ANHUI_FORMS: readonly AnhuiForm[] = [ROADS, PONDS].map(buildAnhui);

const byId = (id: string) => clone(ANHUI_FORMS.find((f) => f.id === id)!);

function groupWeight(): VariantFault<AnhuiForm> {
  const form = byId('anhui-village-roads');
  const row = form.rows.find((r) => r.level3 === '新建错车道')!;
  form.id = 'anhui-fault-weight-sum';
  // The row is met, so its score follows its weight; the total is re-derived so only the weights are wrong.
  row.weight = '10';
  row.score = '10.00';
  const indicators = form.rows.filter((r) => r.role === 'indicator');
  form.total.score = sum([num(form.funds[0]!.score), ...indicators.map((r) => num(r.score))]).toFixed(2);
  const children = sum(indicators.filter((r) => r.level1 === row.level1).map((r) => num(r.weight)));
  return {
    id: form.id,
    base: 'anhui-village-roads',
    description: '新建错车道 weighs 10 instead of 5: the 产出指标(50分) leaves add up to 55 (and all weights to 105 against 总分 100)',
    form,
    rule: 'rubric-weight-sum',
    where: row.level1,
    expected: children.toString(),
    actual: '50',
  };
}

function sourceSum(): VariantFault<AnhuiForm> {
  const form = byId('anhui-pond-repair');
  const [total, gov, other] = form.funds;
  form.id = 'anhui-fault-funds-source-sum';
  gov!.executed = '126.50';
  const sources = num(gov!.executed).plus(num(other!.executed)).toFixed(2);
  return {
    id: form.id,
    base: 'anhui-pond-repair',
    description: '其中:本年财政拨款 全年执行数(B) printed 126.50 instead of 136.50: the sources add up to 136.00 against 146.00 (expected = the printed total, actual = Σ sources, as the rule reports them)',
    form,
    rule: 'funds-source-sum',
    where: '全年执行数(B)',
    expected: total!.executed,
    actual: sources,
  };
}

export const ANHUI_FAULTS: readonly VariantFault<AnhuiForm>[] = [groupWeight(), sourceSum()];
