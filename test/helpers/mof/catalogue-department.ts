/**
 * Clean 部门整体支出绩效自评表 specs: 履职 indicators (counts, 合格率, 完成时间 "10月前" against "8月",
 * "三公"经费 ≤ …), numbered goals, "指标1:" prefixes with a bare unused "指标2:" slot, and one department
 * that spent more than its budget (执行率 above 100%).
 */
import type { FormSpec } from './build.js';
import { COST, dl, ECO, EFF, OUT, q, QTY, QUA, ql, SAT, slot, SOC, SUS, SVC, TIME } from './spec-helpers.js';

/** Agriculture bureau: 万元 2 decimals, 完成时间 10月前/8月, "三公"经费, a bare 指标2: slot, 2-decimal scores, grade row. */
export const AGRI_BUREAU: FormSpec = {
  id: 'department-agri-bureau',
  sector: 'agriculture',
  kind: 'department',
  year: '2023',
  department: '云岭县农业农村局',
  funds: {
    unit: '万元',
    decimals: 2,
    rateDecimals: 2,
    scoreDecimals: 2,
    componentMarker: '—',
    components: [{ initial: '2856.30', budget: '3120.48', executed: '3015.77' }, { initial: '0', budget: '186.20', executed: '172.35' }, { initial: '45', budget: '45', executed: '38.60' }],
  },
  goals: {
    expected: '1.完成粮食播种面积36万亩；\n2.落实耕地地力保护补贴等惠农政策；\n3.建设高标准农田1.2万亩。',
    actual: '1.完成粮食播种面积36.8万亩；\n2.惠农补贴资金全部兑付到户；\n3.建成高标准农田1.2万亩，8月通过验收。',
  },
  layout: 'single',
  indicators: [
    q(OUT, QTY, '粮食播种面积', '≥', '36', '万亩', '36.8万亩', '10'),
    q(OUT, QTY, '高标准农田建设面积', '≥', '1.2', '万亩', '1.2万亩', '10'),
    q(OUT, QUA, '指标1:农产品质量安全例行监测合格率', '≥', '98', '%', '99.1%', '10'),
    slot(OUT, QUA, '指标2:'),
    dl(OUT, TIME, '高标准农田建设完成时间', '10月前', '8月', '10'),
    q(OUT, COST, '“三公”经费支出', '≤', '28.5', '万元', '26.84万元', '10'),
    q(EFF, ECO, '农村居民人均可支配收入增长率', '≥', '7', '%', '7.4%', '10'),
    q(EFF, SOC, '脱贫人口返贫人数', '=', '0', '人', '0人', '10'),
    ql(EFF, SUS, '耕地保护', '耕地保有量不减少', '达成年度指标', '10', '9', '部分撂荒地整治进度偏慢，将加大复耕力度'),
    q(SAT, SVC, '服务对象满意度', '≥', '90', '%', '95%', '10'),
  ],
  grade: { label: '自评等级' },
};

/** Education bureau: execution above 100%, 万元 3 decimals, 部门 label, 指标1:/指标2: prefixes, integer scores, no grade. */
export const EDUCATION_BUREAU: FormSpec = {
  id: 'department-education-overrun',
  sector: 'education',
  kind: 'department',
  year: '2023',
  department: '云岭县教育体育局',
  departmentLabel: '部门',
  funds: {
    unit: '万元',
    decimals: 3,
    rateDecimals: 2,
    scoreDecimals: 0,
    componentMarker: '—',
    components: [{ initial: '15230.6', budget: '15862.418', executed: '16410.225' }, { initial: '0', budget: '312.5', executed: '312.5' }, '—'],
  },
  goals: {
    expected: '1.巩固义务教育均衡发展成果；2.新建改扩建学校4所；3.落实学生资助政策，资助资金11月前发放到位。',
    actual: '1.义务教育巩固率97.2%；2.4所学校建成投用；3.资助资金10月全部发放；使用事业收入弥补部分支出，支出超过预算。',
  },
  layout: 'single',
  indicators: [
    q(OUT, QTY, '指标1:义务教育巩固率', '≥', '96', '%', '97.2%', '10'),
    q(OUT, QTY, '指标2:新建改扩建学校', '=', '4', '所', '4所', '10'),
    q(OUT, QUA, '指标1:教师培训考核合格率', '≥', '95', '%', '98%', '10'),
    dl(OUT, TIME, '指标1:学生资助资金发放完成时间', '11月前', '10月', '10'),
    q(OUT, COST, '指标1:“三公”经费', '≤', '42.8', '万元', '39.6万元', '10'),
    q(EFF, SOC, '指标1:学前三年毛入园率', '≥', '90', '%', '91.5%', '15'),
    q(EFF, SOC, '指标2:高中阶段毛入学率', '≥', '92', '%', '85%', '15', '外出就读学生增加，将加强控辍保学'),
    q(SAT, SVC, '指标1:学生家长满意度', '≥', '90', '%', '93%', '10'),
    slot(SAT, SVC, '指标2:'),
  ],
};

/** Health commission: split target, '/' on 其中 rows, 2-decimal scores, a missed ≤ on 公用经费, grade 优秀 under 评价等级. */
export const HEALTH_COMMISSION: FormSpec = {
  id: 'department-health-split',
  sector: 'health',
  kind: 'department',
  year: '2022',
  department: '云岭县卫生健康局',
  funds: {
    unit: '万元',
    decimals: 2,
    rateDecimals: 2,
    scoreDecimals: 2,
    componentMarker: '/',
    components: [{ initial: '5120', budget: '5486.72', executed: '5210.35' }, { initial: '0', budget: '260', executed: '198.40' }, '/'],
  },
  goals: {
    expected: '1.推进家庭医生签约服务；\n2.加强医疗机构监管和卫生监督执法；\n3.控制“三公”经费和公用经费支出。',
    actual: '1.家庭医生签约6.3万人；\n2.完成卫生监督检查1260户次；\n3.“三公”经费17.95万元，公用经费略超年初控制数。',
  },
  layout: 'split',
  indicators: [
    q(OUT, QTY, '家庭医生签约服务人数', '≥', '6', '万人', '6.3万人', '6'),
    q(OUT, QTY, '卫生监督检查户次', '≥', '1200', '户次', '1260户次', '5'),
    q(OUT, QTY, '完成老年人健康体检', '≥', '4.5', '万人次', '4.2万人次', '5', '部分老年人外出未参检，将开展补检'),
    q(OUT, QUA, '医疗机构抽检合格率', '≥', '95', '%', '97%', '6'),
    q(OUT, QUA, '院内感染暴发事件', '≤', '0', '起', '0起', '6'),
    dl(OUT, TIME, '年度重点工作完成时间', '12月前', '11月', '6'),
    q(OUT, COST, '“三公”经费', '≤', '18.6', '万元', '17.95万元', '8'),
    q(OUT, COST, '公用经费', '≤', '420', '万元', '422.4万元', '8', '疫情防控物资采购增加公用经费，将压减一般性支出'),
    q(EFF, SOC, '居民人均预期寿命', '≥', '78', '岁', '78.3岁', '10'),
    q(EFF, SOC, '孕产妇死亡率', '≤', '12', '/10万', '9.8/10万', '10'),
    ql(EFF, SUS, '基层医疗服务能力', '持续提升', '效果明显', '10'),
    q(SAT, SVC, '群众就医满意度', '≥', '90', '%', '91%', '10'),
  ],
  grade: { label: '评价等级', long: true },
  footnote: '注：部门整体支出绩效自评，预算执行率10分，产出指标50分，效益指标30分，满意度指标10分。',
};

export const DEPARTMENT_SPECS: FormSpec[] = [AGRI_BUREAU, EDUCATION_BUREAU, HEALTH_COMMISSION];
