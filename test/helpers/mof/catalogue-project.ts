/**
 * Clean 项目支出绩效自评表 specs, one per sector. Only the unit's own decisions are written here
 * (amounts per source, targets, actuals, weights, qualitative scores); build.ts derives every total,
 * rate and score. Names are invented; the numbers are chosen so that each form exercises different
 * printing habits (see the header of each spec).
 */
import type { FormSpec } from './build.js';
import { COST, dl, ECO, EFF, ENV, OUT, q, QTY, QUA, ql, SAT, SOC, SUS, SVC, TIME } from './spec-helpers.js';

/** Roads: 万元 3 decimals, single target cell, ≥ ≤ = and qualitative, integer scores, '—' on 其中 rows, 自评等级 row. */
export const ROAD: FormSpec = {
  id: 'project-road-wan',
  sector: 'roads',
  kind: 'project',
  year: '2023',
  projectName: '2023年农村公路提质改造工程',
  authority: '云岭县交通运输局',
  unit: '云岭县公路建设养护中心',
  funds: {
    unit: '万元',
    decimals: 3,
    rateDecimals: 2,
    scoreDecimals: 0,
    componentMarker: '—',
    components: [{ initial: '1200', budget: '1350.5', executed: '1235.444' }, { initial: '0', budget: '85.2', executed: '85.2' }, '—'],
  },
  goals: {
    expected: '完成农村公路提质改造42公里、危桥改造6座，提升农村公路通行能力和安全水平，方便沿线群众出行。',
    actual: '完成农村公路提质改造43.6公里、危桥改造6座，工程交工验收全部合格，沿线群众出行时间明显缩短。',
  },
  layout: 'single',
  indicators: [
    q(OUT, QTY, '新改建农村公路里程', '≥', '42', '公里', '43.6公里', '15'),
    q(OUT, QTY, '危桥改造数量', '=', '6', '座', '6座', '10'),
    q(OUT, QUA, '交工验收合格率', '≥', '98', '%', '100%', '10'),
    q(OUT, TIME, '按期完工率', '≥', '95', '%', '85%', '5', '受雨季影响2个标段延期，已督促施工单位增加作业面，次年4月前完工'),
    q(OUT, COST, '每公里平均建设成本', '≤', '32', '万元', '31.2万元', '10'),
    q(EFF, SOC, '沿线群众平均出行时间缩短', '≥', '20', '%', '25%', '10'),
    q(EFF, SOC, '受益群众人数', '≥', '3.5', '万人', '3.8万人', '10'),
    ql(EFF, SUS, '农村公路管护长效机制', '建立长效管护机制', '达成年度指标', '10'),
    q(SAT, SVC, '沿线群众满意度', '≥', '90', '%', '93.5%', '10'),
  ],
  grade: { label: '自评等级' },
  brokenLabels: true,
};

/** Schools: 元 with thousands separators, split target (公开14表), ≧ ═ ≥ ≤ 定性, 2-decimal scores, '/' on 其中 rows, no grade. */
export const SCHOOL: FormSpec = {
  id: 'project-school-yuan',
  sector: 'schools',
  kind: 'project',
  year: '2023',
  caption: '公开14表',
  projectName: '义务教育薄弱环节改善与能力提升补助资金',
  authority: '云岭县教育体育局',
  unit: '云岭县第一中学',
  funds: {
    unit: '元',
    decimals: 2,
    thousands: true,
    rateDecimals: 2,
    scoreDecimals: 2,
    componentMarker: '/',
    components: [{ initial: '2680000', budget: '3150000', executed: '3024587.36' }, { initial: '0', budget: '412350.80', executed: '398120' }, '/'],
  },
  goals: {
    expected: '改造校舍4200平方米，购置课桌椅860套，新建运动场1个，改善学校基本办学条件。',
    actual: '完成校舍改造4350平方米，购置课桌椅860套，新建运动场1个，办学条件明显改善。',
  },
  layout: 'split',
  indicators: [
    q(OUT, QTY, '改造校舍面积', '≧', '4200', '平方米', '4350平方米', '8'),
    q(OUT, QTY, '购置课桌椅', '═', '860', '套', '860套', '7'),
    q(OUT, QTY, '新建运动场', '═', '1', '个', '1个', '5'),
    q(OUT, QUA, '工程验收合格率', '≧', '100', '%', '100%', '8'),
    q(OUT, QUA, '设备采购验收合格率', '≥', '98', '%', '99.2%', '6'),
    q(OUT, TIME, '开学前完成改造比例', '≧', '100', '%', '96%', '8', '1栋教学楼因设计变更延后交付，已于9月底完工'),
    q(OUT, COST, '校舍改造单价', '≤', '650', '元/平方米', '668元/平方米', '8', '钢材价格上涨导致单价超出，后续加强造价审核'),
    q(EFF, SOC, '改善办学条件受益学生数', '≧', '1800', '人', '1862人', '10'),
    q(EFF, SOC, '大班额比例', '≤', '5', '%', '4.6%', '10'),
    q(EFF, SUS, '校舍安全使用年限', '≥', '30', '年', '30年', '10'),
    q(SAT, SVC, '学生满意度', '≥', '90', '%', '94%', '5'),
    q(SAT, SVC, '家长满意度', '≥', '90', '%', '91.5%', '5'),
  ],
  fullReason: '无',
};

/** Health: 万元 2 decimals, 不低于/不超过/﹦, 2-decimal scores, 年初预算数 empty, (2023年度) in half-width brackets, grade 良好. */
export const HEALTH: FormSpec = {
  id: 'project-health-wan2',
  sector: 'health',
  kind: 'project',
  year: '2023',
  titleStyle: 'half',
  projectName: '基本公共卫生服务项目',
  authority: '云岭县卫生健康局',
  unit: '云岭县疾病预防控制中心',
  funds: {
    unit: '万元',
    decimals: 2,
    rateDecimals: 2,
    scoreDecimals: 2,
    initialEmpty: true,
    componentMarker: '—',
    components: [{ budget: '586.40', executed: '420.00' }, { budget: '43.15', executed: '21.08' }, { budget: '12.00', executed: '9.60' }],
  },
  goals: {
    expected: '为辖区常住居民免费提供基本公共卫生服务，电子健康档案建档率达到90%，适龄儿童免疫规划疫苗接种率保持在95%以上。',
    actual: '电子健康档案建档率78%，免疫规划疫苗接种率90.5%，老年人健康管理5200人，部分指标未达到年度目标。',
  },
  layout: 'single',
  indicators: [
    q(OUT, QTY, '居民电子健康档案建档率', '不低于', '90', '%', '78%', '10', '流动人口多，建档工作滞后；下一步开展入户补建'),
    q(OUT, QTY, '65岁及以上老年人健康管理人数', '不低于', '6500', '人', '5200人', '10', '部分老年人外出务工未能体检，将增加巡回体检'),
    q(OUT, QUA, '适龄儿童免疫规划疫苗接种率', '不低于', '95', '%', '90.5%', '15', '边远村组接种不及时，将加强预约提醒'),
    q(OUT, TIME, '资金拨付及时率', '﹦', '100', '%', '100%', '5'),
    q(OUT, COST, '人均基本公共卫生服务经费补助标准', '﹦', '89', '元', '89元', '10'),
    q(EFF, SOC, '居民健康素养水平', '不低于', '25', '%', '18%', '15', '健康教育覆盖面不足，将扩大健康宣讲范围'),
    q(EFF, SUS, '重大传染病疫情发生数', '不超过', '0', '起', '0起', '15'),
    q(SAT, SVC, '服务对象满意度', '不低于', '85', '%', '80%', '10', '基层服务能力不足，群众等候时间较长'),
  ],
  grade: { label: '自评等级', long: true },
};

/** Agriculture subsidy: 元 without separators, ＞ ≥ = and a deadline, repeated execution score on 当年财政拨款, grade in the 总分 row. */
export const AGRI_SUBSIDY: FormSpec = {
  id: 'project-agri-subsidy-yuan',
  sector: 'agriculture subsidy',
  kind: 'project',
  year: '2022',
  titleStyle: 'yearFirst',
  projectName: '耕地地力保护补贴',
  authority: '云岭县农业农村局',
  unit: '云岭县农业农村局',
  funds: {
    unit: '元',
    decimals: 2,
    rateDecimals: 0,
    scoreDecimals: 0,
    componentMarker: 'repeat',
    components: [{ initial: '4586000', budget: '4612385.50', executed: '4612385.50' }, '—', '—'],
  },
  goals: {
    expected: '按照耕地面积将补贴资金足额兑付到户，保护耕地地力，提高农民种粮积极性。',
    actual: '补贴面积52736亩，惠及农户18520户，资金全部通过“一卡通”足额兑付。',
  },
  layout: 'single',
  indicators: [
    q(OUT, QTY, '补贴发放面积', '≥', '52000', '亩', '52736亩', '15'),
    q(OUT, QTY, '补贴农户数', '＞', '18000', '户', '18520户', '15'),
    q(OUT, QUA, '补贴资金兑付准确率', '=', '100', '%', '100%', '10'),
    dl(OUT, TIME, '补贴资金发放完成时间', '6月底前', '5月', '10'),
    ql(EFF, SOC, '农民种粮积极性', '有效提高', '效果明显', '30', '27', '个别乡镇政策宣传不到位，下一步加强政策解读'),
    q(SAT, SVC, '补贴对象满意度', '≥', '90', '%', '96%', '10'),
  ],
  grade: { label: '自评等级', long: true, placement: 'total' },
};

/** IT system: 万元 3 decimals, split target, ≥ ≤ ═ 定性 and a deadline, integer scores, empty 其中 markers, grade 中, 14 indicators, footnote. */
export const IT_SYSTEM: FormSpec = {
  id: 'project-it-platform-wan',
  sector: 'IT system',
  kind: 'project',
  year: '2023',
  projectName: '政务服务一体化平台运维项目',
  authority: '云岭县人民政府办公室',
  unit: '云岭县政务服务管理局',
  funds: {
    unit: '万元',
    decimals: 3,
    rateDecimals: 2,
    scoreDecimals: 0,
    componentMarker: '',
    components: [{ initial: '320', budget: '298.5', executed: '201.332' }, { initial: '0', budget: '45.68', executed: '12.5' }, { initial: '0', budget: '0', executed: '0' }],
  },
  goals: {
    expected: '保障政务服务一体化平台全年稳定运行，新增接入政务服务事项150项，网上可办率达到90%。',
    actual: '平台全年运行，新增接入事项60项，网上可办率60%，因合同签订滞后部分运维内容未开展。',
  },
  layout: 'split',
  indicators: [
    q(OUT, QTY, '系统运维服务时长', '≥', '8760', '小时', '8760小时', '4'),
    q(OUT, QTY, '处理故障工单数', '≥', '1200', '件', '800件', '4', '平台故障减少，工单量下降'),
    q(OUT, QTY, '新增接入政务服务事项', '≥', '150', '项', '60项', '5', '部分部门自建系统未完成对接，次年继续推进'),
    q(OUT, QTY, '电子证照归集类别', '≥', '30', '类', '12类', '5', '证照数据标准不统一，归集进度滞后'),
    q(OUT, QUA, '系统可用率', '≥', '99.5', '%', '90%', '6', '机房搬迁期间停机，已制定应急切换方案'),
    q(OUT, QUA, '等级保护测评', '═', '1', '次', '1次', '5'),
    q(OUT, QUA, '数据安全事件', '≤', '0', '起', '0起', '5'),
    q(OUT, TIME, '故障响应时间', '≤', '2', '小时', '2.2小时', '6', '夜间值守人员不足，将增加轮值'),
    dl(OUT, TIME, '年度运维任务完成时间', '12月底前', '12月', '4'),
    q(OUT, COST, '年度运维成本', '≤', '320', '万元', '213.832万元', '6'),
    q(EFF, SOC, '政务服务事项网上可办率', '≥', '90', '%', '60%', '10', '对接事项不足，网上可办率偏低'),
    q(EFF, SOC, '群众办事平均跑动次数', '≤', '0.5', '次', '0.55次', '10', '部分事项仍需现场核验原件'),
    ql(EFF, SUS, '平台持续稳定运行', '长期稳定运行', '部分达成年度指标并具有一定效果', '10', '7', '运维合同签订滞后，年初两个月保障不足'),
    q(SAT, SVC, '办事群众满意度', '≥', '95', '%', '90%', '10', '系统响应慢影响办事体验，将扩容服务器'),
  ],
  grade: { label: '自评等级' },
  footnote: '注：1.预算执行率权重10分，产出指标50分，效益指标30分，满意度指标10分，各一级指标权重分解至三级指标。2.定性指标按“达成年度指标”“部分达成年度指标并具有一定效果”“未达成年度指标且效果较差”三档评分。',
};

/** Environment: 万元 2 decimals, ≧ ≤ qualitative, 2-decimal scores, group weights in labels (40/40/10), broken labels, 附件2 caption. */
export const ENVIRONMENT: FormSpec = {
  id: 'project-sewage-wan2',
  sector: 'environment',
  kind: 'project',
  year: '2023',
  caption: '附件2',
  projectName: '农村生活污水治理项目',
  authority: '云岭县生态环境局',
  unit: '云岭县农村环境综合整治中心',
  funds: {
    unit: '万元',
    decimals: 2,
    rateDecimals: 2,
    scoreDecimals: 2,
    componentMarker: '—',
    components: [{ initial: '860', budget: '860', executed: '842.37' }, { initial: '120.5', budget: '120.5', executed: '120.5' }, { initial: '35', budget: '35', executed: '28' }],
  },
  goals: {
    expected: '新建村级污水处理设施24座，铺设污水管网36公里，农村生活污水治理率达到65%。',
    actual: '建成村级污水处理设施24座，铺设管网37.2公里，农村生活污水治理率提高到62.4%。',
  },
  layout: 'single',
  indicators: [
    q(OUT, QTY, '新建污水处理设施', '≧', '24', '座', '24座', '10'),
    q(OUT, QTY, '铺设污水管网长度', '≧', '36', '公里', '37.2公里', '10'),
    q(OUT, QUA, '出水水质达标率', '≧', '95', '%', '96.8%', '10'),
    q(OUT, COST, '污水处理设施单座造价', '≤', '35', '万元', '34.2万元', '10'),
    q(EFF, ENV, '农村生活污水治理率', '≧', '65', '%', '62.4%', '15', '2个村庄因选址调整未接入，次年完成'),
    q(EFF, ENV, '化学需氧量削减量', '≧', '180', '吨', '185吨', '10'),
    ql(EFF, SUS, '设施长效运行管护', '建立运维管护机制', '达成年度指标', '15', '13.50', '部分村庄管护人员不足，将落实村级管护员'),
    q(SAT, SVC, '受益群众满意度', '≧', '90', '%', '95%', '10'),
  ],
  groupWeights: true,
  grade: { label: '自评等级' },
  brokenLabels: true,
  footnote: '注：预算执行率权重10分；产出指标、效益指标、满意度指标权重由单位根据项目实际确定，合计90分。',
};

/** Culture: 元 with thousands separators, split target, 2-decimal scores, '—' on 其中 rows, 5 indicators, no grade. */
export const CULTURE: FormSpec = {
  id: 'project-culture-yuan',
  sector: 'culture',
  kind: 'project',
  year: '2023',
  projectName: '公共文化服务体系建设补助资金',
  authority: '云岭县文化和旅游局',
  unit: '云岭县文化馆',
  funds: {
    unit: '元',
    decimals: 2,
    thousands: true,
    rateDecimals: 2,
    scoreDecimals: 2,
    componentMarker: '—',
    components: [{ initial: '1280000', budget: '1280000', executed: '1265430.50' }, { initial: '0', budget: '56800', executed: '56800' }, '—'],
  },
  goals: {
    expected: '开展送戏下乡120场，保障基层综合文化服务中心免费开放，丰富群众精神文化生活。',
    actual: '完成送戏下乡126场，各类群众文化活动参与5.4万人次，免费开放工作有序开展。',
  },
  layout: 'split',
  indicators: [
    q(OUT, QTY, '送戏下乡场次', '≥', '120', '场', '126场', '20'),
    q(OUT, QUA, '文化活动开展达标率', '═', '100', '%', '100%', '15'),
    q(OUT, TIME, '项目完成及时率', '≥', '95', '%', '100%', '15'),
    q(EFF, SOC, '群众文化活动参与人次', '≧', '5', '万人次', '5.4万人次', '30'),
    q(SAT, SVC, '群众满意度', '≥', '90', '%', '92%', '10'),
  ],
  fullReason: '/',
};

/** Water: 万元 3 decimals, 100.00% execution, ≥ ≤ = ＞ 不低于 and qualitative, integer scores, zeros on 其他资金, grade 良, 11 indicators. */
export const WATER: FormSpec = {
  id: 'project-reservoir-wan',
  sector: 'water',
  kind: 'project',
  year: '2022',
  projectName: '小型水库除险加固项目',
  authority: '云岭县水务局',
  unit: '云岭县水利工程建设管理站',
  funds: {
    unit: '万元',
    decimals: 3,
    rateDecimals: 2,
    scoreDecimals: 0,
    componentMarker: '—',
    components: [{ initial: '1500', budget: '1620.45', executed: '1620.45' }, { initial: '200', budget: '230.125', executed: '230.125' }, { initial: '0', budget: '0', executed: '0' }],
  },
  goals: {
    expected: '完成7座小型水库除险加固，消除病险隐患，保障下游2.3万人生命财产安全，恢复灌溉面积8500亩。',
    actual: '7座水库主体工程基本完工，主体工程完工率75%，恢复灌溉面积5100亩。',
  },
  layout: 'single',
  indicators: [
    q(OUT, QTY, '除险加固水库数量', '=', '7', '座', '7座', '8'),
    q(OUT, QTY, '大坝防渗处理长度', '＞', '1200', '米', '1020米', '6', '1座水库坝体勘察后调整设计，防渗长度减少'),
    q(OUT, QTY, '新建防汛道路', '≥', '4.5', '公里', '3.6公里', '6', '征地协调滞后，剩余路段次年实施'),
    q(OUT, QUA, '单元工程质量合格率', '=', '100', '%', '100%', '8'),
    q(OUT, QUA, '工程验收合格率', '不低于', '95', '%', '96%', '6'),
    q(OUT, TIME, '主体工程完工率', '≥', '100', '%', '75%', '8', '汛期停工两个月，已调整施工计划'),
    q(OUT, COST, '工程建设总成本', '≤', '1850.575', '万元', '1850.575万元', '8'),
    q(EFF, SOC, '保护下游人口', '≥', '2.3', '万人', '1.9万人', '10', '2座水库未完成蓄水验收，保护人口按已验收水库计算'),
    q(EFF, ECO, '恢复灌溉面积', '≥', '8500', '亩', '5100亩', '10', '配套渠系未完工，灌溉面积未全部恢复'),
    ql(EFF, SUS, '水库安全运行', '安全度汛', '部分达成年度指标并具有一定效果', '10', '7', '2座水库仍限制水位运行'),
    q(SAT, SVC, '受益群众满意度', '不低于', '90', '%', '78%', '10', '施工期间影响群众生产，将加强沟通'),
  ],
  grade: { label: '自评等级' },
};

export const PROJECT_SPECS: FormSpec[] = [ROAD, SCHOOL, HEALTH, AGRI_SUBSIDY, IT_SYSTEM, ENVIRONMENT, CULTURE, WATER];
