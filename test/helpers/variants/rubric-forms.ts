/**
 * Rubric forms: 决策10/过程25/产出30/效益35 with one-decimal scores and a 合计 row; 项目决策20/项目管理25/项目绩效55
 * (产出 and 效益 as 二级 under 项目绩效) with two-decimal scores and a 总分 row; two single-fault copies.
 */
import { num, sum } from './common.js';
import { clone, type VariantFault } from './fault.js';
import { buildRubric, type RubricForm, type RubricSpec } from './rubric.js';

const L = (l3: string, weight: string, score?: string) => ({ l3, weight, ...(score !== undefined ? { score } : {}) });
const EXEC = (weight: string) => ({ l3: '预算执行率', weight, execution: true });

/** 10/25/30/35; execution 5 × 94.40% = 4.7 (one decimal); 合计. */
const OLD_COMMUNITIES: RubricSpec = {
  id: 'rubric-old-communities',
  year: '2023',
  projectName: '城区老旧小区改造项目',
  unit: '江城市住房和城乡建设局',
  budget: '1250',
  executed: '1180',
  scoreDecimals: 1,
  totalLabel: '合计',
  groups: [
    {
      l1: '决策',
      items: [
        { l2: '项目立项', leaves: [L('立项依据充分性', '2', '2'), L('立项程序规范性', '2', '2')] },
        { l2: '绩效目标', leaves: [L('绩效目标合理性', '2', '1.5'), L('绩效指标明确性', '1', '1')] },
        { l2: '资金投入', leaves: [L('预算编制科学性', '2', '2'), L('资金分配合理性', '1', '1')] },
      ],
    },
    {
      l1: '过程',
      items: [
        { l2: '资金管理', leaves: [L('资金到位率', '5', '5'), EXEC('5'), L('资金使用合规性', '5', '5')] },
        { l2: '组织实施', leaves: [L('管理制度健全性', '5', '4.5'), L('制度执行有效性', '5', '5')] },
      ],
    },
    {
      l1: '产出',
      items: [
        { l2: '产出数量', leaves: [L('改造小区数量完成率', '10', '10')] },
        { l2: '产出质量', leaves: [L('工程验收合格率', '8', '8')] },
        { l2: '产出时效', leaves: [L('按期完成率', '6', '5')] },
        { l2: '产出成本', leaves: [L('成本节约率', '6', '6')] },
      ],
    },
    {
      l1: '效益',
      items: [
        { l2: '项目效益', leaves: [L('居民居住条件改善', '10', '9.5'), L('社区治理水平提升', '8', '7.5'), L('长效管护机制', '7', '6')] },
        { l2: '满意度', leaves: [L('居民满意度', '10', '9.2')] },
      ],
    },
  ],
};

/** 20/25/55; execution 5 × 100% = 5.00 (two decimals); 总分. */
const CULTURE: RubricSpec = {
  id: 'rubric-public-culture',
  year: '2023',
  projectName: '公共文化服务体系建设项目',
  unit: '江城市文化广电旅游局',
  budget: '86',
  executed: '86',
  scoreDecimals: 2,
  totalLabel: '总分',
  groups: [
    {
      l1: '项目决策',
      items: [
        { l2: '项目立项', leaves: [L('立项依据充分性', '4', '4'), L('立项程序规范性', '4', '4')] },
        { l2: '绩效目标', leaves: [L('绩效目标合理性', '3', '2.5'), L('绩效指标明确性', '3', '3')] },
        { l2: '资金投入', leaves: [L('预算编制科学性', '3', '3'), L('资金分配合理性', '3', '2.8')] },
      ],
    },
    {
      l1: '项目管理',
      items: [
        { l2: '资金管理', leaves: [L('资金到位率', '5', '5'), EXEC('5'), L('资金使用合规性', '5', '4.5')] },
        { l2: '组织实施', leaves: [L('管理制度健全性', '5', '5'), L('制度执行有效性', '5', '4.6')] },
      ],
    },
    {
      l1: '项目绩效',
      items: [
        { l2: '产出', leaves: [L('文化活动场次完成率', '10', '10'), L('送戏下乡场次', '10', '9'), L('活动按期完成率', '10', '10')] },
        { l2: '效益', leaves: [L('群众文化参与度', '10', '9.5'), L('文化设施利用率', '8', '7.2'), L('群众满意度', '7', '6.8')] },
      ],
    },
  ],
};

export const RUBRIC_FORMS: readonly RubricForm[] = [OLD_COMMUNITIES, CULTURE].map(buildRubric);

const byId = (id: string) => clone(RUBRIC_FORMS.find((f) => f.id === id)!);

function headlineOff(): VariantFault<RubricForm> {
  const form = byId('rubric-old-communities');
  const expected = form.total.score;
  const actual = num(expected).plus(2).toFixed(1);
  form.id = 'rubric-fault-headline';
  form.headlineScore = actual;
  form.headline = `自评得分：${actual}分`;
  return { id: form.id, base: 'rubric-old-communities', description: 'the 自评得分 line above the table claims 2 points more than the table total', form, rule: 'headline-score', where: '自评得分', expected, actual };
}

function scoreAboveWeight(): VariantFault<RubricForm> {
  const form = byId('rubric-public-culture');
  const row = form.rows.find((r) => r.level3 === '送戏下乡场次')!;
  form.id = 'rubric-fault-score-range';
  row.score = '12.00';
  // Total and headline follow the printed scores, so the out-of-range score is the only fault.
  const total = sum(form.rows.map((r) => num(r.score))).toFixed(2);
  form.total.score = total;
  form.headlineScore = total;
  form.headline = `自评得分：${total}分`;
  return { id: form.id, base: 'rubric-public-culture', description: '送戏下乡场次 scores 12.00 of its 10', form, rule: 'rubric-score-range', where: '送戏下乡场次', expected: row.weight3, actual: row.score };
}

export const RUBRIC_FAULTS: readonly VariantFault<RubricForm>[] = [headlineOff(), scoreAboveWeight()];
