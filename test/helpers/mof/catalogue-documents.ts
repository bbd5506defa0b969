/**
 * Clean forms that live inside multi-form documents (documents.ts): four projects of one agriculture
 * bureau for its 决算公开, and a culture bureau's 部门整体 form with a tourism project. Same builder,
 * same formulas as the stand-alone catalogue.
 */
import type { FormSpec, FundsSpec } from './build.js';
import { COST, dl, ECO, EFF, ENV, OUT, q, QTY, QUA, ql, SAT, SOC, SUS, SVC, TIME } from './spec-helpers.js';

const AGRI = { kind: 'project' as const, year: '2023', authority: '云岭县农业农村局', layout: 'single' as const };
const WAN2 = (components: FundsSpec['components'], scoreDecimals = 0): FundsSpec => ({
  unit: '万元',
  decimals: 2,
  rateDecimals: 2,
  scoreDecimals,
  componentMarker: '—',
  components,
});

export const ANIMAL_EPIDEMIC: FormSpec = {
  ...AGRI,
  id: 'final-animal-epidemic',
  sector: 'agriculture',
  projectName: '重大动物疫病强制免疫补助',
  unit: '云岭县动物疫病预防控制中心',
  funds: WAN2([{ initial: '86.00', budget: '92.40', executed: '90.15' }, { initial: '0', budget: '6.80', executed: '6.80' }, '—']),
  goals: { expected: '对口蹄疫、高致病性禽流感等重大动物疫病实施强制免疫，免疫密度保持在90%以上。', actual: '全年免疫猪牛羊家禽共计186万头（只），免疫密度96%，未发生区域性重大动物疫情。' },
  indicators: [
    q(OUT, QTY, '强制免疫动物数量', '≥', '180', '万头（只）', '186万头（只）', '20'),
    q(OUT, QUA, '免疫抗体合格率', '≥', '70', '%', '82%', '15'),
    q(OUT, TIME, '春秋两季集中免疫完成率', '≥', '100', '%', '100%', '15'),
    ql(EFF, SOC, '区域性重大动物疫情', '不发生', '达成年度指标', '30'),
    q(SAT, SVC, '养殖户满意度', '≥', '90', '%', '94%', '10'),
  ],
};

export const FARMLAND: FormSpec = {
  ...AGRI,
  id: 'final-farmland',
  sector: 'agriculture',
  projectName: '高标准农田建设项目',
  unit: '云岭县农田建设服务中心',
  funds: WAN2([{ initial: '1800.00', budget: '1950.00', executed: '1722.36' }, { initial: '0', budget: '215.40', executed: '215.40' }, { initial: '0', budget: '60.00', executed: '48.50' }]),
  goals: { expected: '建设高标准农田1.2万亩，配套田间道路和灌排设施，提高粮食综合生产能力。', actual: '建成高标准农田1.2万亩，新增灌溉面积0.8万亩，部分工程款待审计后支付。' },
  indicators: [
    q(OUT, QTY, '建设高标准农田面积', '≥', '1.2', '万亩', '1.2万亩', '15'),
    q(OUT, QTY, '新修田间道路', '≥', '18', '公里', '18.6公里', '10'),
    q(OUT, QUA, '工程验收合格率', '=', '100', '%', '100%', '10'),
    q(OUT, COST, '亩均建设成本', '≤', '1850', '元', '1812元', '15'),
    q(EFF, ECO, '亩均粮食产能提高', '≥', '100', '斤', '90斤', '15', '新建农田首季土壤熟化不足，产能提升未达预期'),
    q(EFF, SUS, '工程设计使用年限', '≥', '15', '年', '15年', '15'),
    q(SAT, SVC, '项目区农户满意度', '≥', '90', '%', '92%', '10'),
  ],
  grade: { label: '自评等级' },
};

export const RURAL_TOILET: FormSpec = {
  ...AGRI,
  id: 'final-rural-toilet',
  sector: 'agriculture',
  projectName: '农村户厕改造项目',
  unit: '云岭县农村人居环境整治办公室',
  funds: WAN2([{ initial: '420.00', budget: '420.00', executed: '388.64' }, '—', '—']),
  goals: { expected: '完成农村户厕改造3500户，户厕改造合格率达到95%以上。', actual: '完成户厕改造3260户，验收合格率97%，因部分农户外出务工未能按期改造。' },
  indicators: [
    q(OUT, QTY, '改造农村户厕数量', '≥', '3500', '户', '3260户', '20', '部分农户外出务工未改造，次年补改'),
    q(OUT, QUA, '户厕改造验收合格率', '≥', '95', '%', '97%', '15'),
    dl(OUT, TIME, '改造任务完成时间', '11月底前', '11月', '5'),
    q(OUT, COST, '每户改造补助标准', '=', '1200', '元', '1200元', '10'),
    q(EFF, ENV, '农村卫生厕所普及率', '≥', '75', '%', '76.5%', '15'),
    ql(EFF, SUS, '户厕长效管护机制', '建立管护机制', '达成年度指标', '15'),
    q(SAT, SVC, '改厕农户满意度', '≥', '90', '%', '91%', '10'),
  ],
};

export const SEED: FormSpec = {
  ...AGRI,
  id: 'final-seed-promotion',
  sector: 'agriculture',
  projectName: '农作物良种推广补助',
  unit: '云岭县农业技术推广中心',
  funds: WAN2([{ initial: '65.00', budget: '65.00', executed: '65.00' }, { initial: '0', budget: '3.25', executed: '3.25' }, '—'], 2),
  goals: { expected: '推广水稻、玉米优质良种5万亩，良种覆盖率达到96%。', actual: '推广良种5.2万亩，良种覆盖率97%，亩均增产25公斤。' },
  indicators: [
    q(OUT, QTY, '良种推广面积', '≥', '5', '万亩', '5.2万亩', '15'),
    q(OUT, QTY, '开展技术培训', '≥', '20', '期', '22期', '10'),
    q(OUT, QUA, '良种覆盖率', '≥', '96', '%', '97%', '15'),
    q(OUT, TIME, '补助资金兑付及时率', '=', '100', '%', '100%', '10'),
    q(EFF, ECO, '亩均增产', '≥', '20', '公斤', '25公斤', '15'),
    q(EFF, SOC, '带动农户数', '≥', '6000', '户', '5400户', '15', '部分山区农户种植意愿不强'),
    q(SAT, SVC, '农户满意度', '≥', '90', '%', '93%', '10'),
  ],
  grade: { label: '自评等级' },
};

export const CULTURE_BUREAU: FormSpec = {
  id: 'doc-culture-bureau',
  sector: 'culture',
  kind: 'department',
  year: '2023',
  department: '云岭县文化和旅游局',
  funds: WAN2([{ initial: '1685.20', budget: '1802.66', executed: '1748.30' }, { initial: '0', budget: '95.40', executed: '80.12' }, { initial: '20.00', budget: '20.00', executed: '20.00' }], 2),
  goals: {
    expected: '1.保障公共文化场馆免费开放；\n2.开展送戏下乡和群众文化活动；\n3.推进文旅融合发展，接待游客增长10%。',
    actual: '1.图书馆、文化馆、博物馆全年免费开放；\n2.开展送戏下乡126场；\n3.接待游客同比增长12.5%。',
  },
  layout: 'single',
  indicators: [
    q(OUT, QTY, '公共文化场馆免费开放天数', '≥', '300', '天', '306天', '10'),
    q(OUT, QTY, '送戏下乡场次', '≥', '120', '场', '126场', '10'),
    q(OUT, QUA, '文物安全事故', '≤', '0', '起', '0起', '10'),
    dl(OUT, TIME, '文化惠民活动完成时间', '10月前', '8月', '10'),
    q(OUT, COST, '“三公”经费', '≤', '12.5', '万元', '11.86万元', '10'),
    q(EFF, ECO, '接待游客增长率', '≥', '10', '%', '12.5%', '15'),
    ql(EFF, SOC, '群众文化获得感', '明显提升', '效果明显', '15', '14', '农村文化活动场地不足，将整合村级活动室'),
    q(SAT, SVC, '群众满意度', '≥', '90', '%', '92%', '10'),
  ],
  grade: { label: '自评等级', long: true },
};

export const TOURISM: FormSpec = {
  id: 'doc-tourism-promotion',
  sector: 'culture',
  kind: 'project',
  year: '2023',
  projectName: '全域旅游宣传推广经费',
  authority: '云岭县文化和旅游局',
  unit: '云岭县旅游服务中心',
  funds: {
    unit: '万元',
    decimals: 3,
    rateDecimals: 2,
    scoreDecimals: 2,
    componentMarker: '/',
    components: [{ initial: '150', budget: '150', executed: '138.6' }, '/', '/'],
  },
  goals: { expected: '参加旅游推介会6场，制作宣传片1部，提升云岭旅游知名度。', actual: '参加推介会7场，完成宣传片1部并在主流媒体投放，游客接待量明显增长。' },
  layout: 'single',
  indicators: [
    q(OUT, QTY, '参加旅游推介会', '≥', '6', '场', '7场', '20'),
    q(OUT, QTY, '制作旅游宣传片', '=', '1', '部', '1部', '10'),
    q(OUT, QUA, '宣传片播放量', '≥', '100', '万次', '96万次', '10', '投放平台调整，播放量略低于预期'),
    q(OUT, COST, '推介会单场费用', '≤', '15', '万元', '14.2万元', '10'),
    ql(EFF, SOC, '旅游知名度', '显著提升', '显著提升', '30'),
    q(SAT, SVC, '游客满意度', '≥', '90', '%', '93%', '10'),
  ],
  fullReason: '无',
};
