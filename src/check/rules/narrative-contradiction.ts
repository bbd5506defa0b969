import { dec, fmt, scoresAgree } from '../arith.js';
import { loc, pointer } from '../locate.js';
import { narrativeSentences, type ProseSentence } from '../prose.js';
import { rubricLeaves, type RubricLeaf } from '../rubric-tree.js';
import { nameKey, sentences } from '../text.js';
import type { Rule, RuleFinding } from '../types.js';
import type { Evaluation } from '../../model/evaluation.js';

/**
 * A milestone the text says is not done, and the words by which a scoring item covers that milestone.
 * An item covers it only when its name, indicator or criteria name the same milestone: "系统尚未验收"
 * contradicts full marks for an item about 验收, not one about 完工 (works end before acceptance).
 */
const MILESTONES: { not: RegExp; covers: RegExp }[] = [
  { not: /尚未验收|未通过验收|未验收|未能验收|验收未通过|未进行验收/u, covers: /验收/u },
  { not: /尚未完工|未完工|未按(?:计划|期)完工|未竣工|尚未竣工/u, covers: /完工|竣工/u },
  { not: /延期|延迟|滞后|推迟|未按期|未如期|未按计划|逾期/u, covers: /如期|按期|按计划|产出时效/u },
  { not: /尚未完成|未完成|没有完成|未能完成/u, covers: /按计划完工|如期完成|完成率|按期完成/u },
];
/** Conditions and hypotheticals do not state a fact ("若未完成…", "未完成的，按比例扣减"). */
const HYPOTHETICAL = /若|如果|如未|倘若|未完成的|是否/u;

interface Statement {
  text: string;
  path: string;
  src: ProseSentence['paragraph']['src'];
}

function statements(ev: Evaluation): Statement[] {
  const out: Statement[] = narrativeSentences(ev).map((s) => ({ text: s.text, path: s.paragraph.path, src: s.paragraph.src }));
  const actual = ev.goals?.actual;
  if (actual?.value) for (const s of sentences(actual.value)) out.push({ text: s.text, path: '/goals/actual', src: actual.src });
  return out;
}

function coverText(leaf: RubricLeaf): string {
  const i = leaf.item;
  return nameKey(`${i.level2?.name.value ?? ''}${leaf.name}${i.indicator?.value ?? ''}${i.criteria?.value ?? ''}`);
}

export const narrativeContradiction: Rule = {
  id: 'narrative-contradiction',
  severity: 'warning',
  description: { zh: '报告文字称某节点未完成（尚未验收、未完成、延期…），而覆盖该节点的评分项得满分', en: 'the narrative says a milestone is not done (尚未验收, 未完成, 延期…) while the scoring item covering it has full marks' },
  needs: { zh: '报告文字（或年度目标完成情况）与得满分的评分项', en: 'narrative text (or the goals’ achievement) and items with full marks' },
  messages: {
    default: {
      zh: '报告称“{phrase}”，但评分表“{name}”得满分{actual}分',
      en: 'the report says “{phrase}”, yet scoring item “{name}” has full marks ({actual})',
    },
  },
  applies: (ev) => (ev.narrative.length > 0 || ev.goals?.actual?.value != null) && ev.indicators.some((i) => i.score?.value != null),
  check(ev) {
    const leaves = rubricLeaves(ev).filter((l) => {
      const s = dec(l.item.score);
      const w = dec(l.weight);
      // Funds items (资金到位, 资金管理) are about money, not project milestones.
      const funds = /资金/u.test(nameKey(l.item.level2?.name.value));
      return !funds && s !== null && w !== null && w.gt(0) && scoresAgree(s, w);
    });
    if (leaves.length === 0) return [];
    const out: RuleFinding[] = [];
    const reported = new Set<number>();
    for (const st of statements(ev)) {
      if (HYPOTHETICAL.test(st.text)) continue;
      const key = nameKey(st.text);
      for (const m of MILESTONES) {
        const phrase = m.not.exec(key)?.[0];
        if (!phrase) continue;
        const covering = leaves.filter((l) => !reported.has(l.index) && m.covers.test(coverText(l)));
        if (covering.length === 0) continue;
        covering.forEach((l) => reported.add(l.index));
        const first = covering[0]!;
        const score = fmt(dec(first.item.score)!);
        out.push({
          expected: `<${fmt(dec(first.weight)!)}`,
          actual: score,
          params: { phrase, name: covering.map((l) => l.name).join('、'), actual: score },
          location: { ...loc(st.path, null), ...st.src, excerpt: st.text },
          related: covering.map((l) => loc(pointer('indicators', l.index, 'score'), l.item.score)),
        });
        break;
      }
    }
    return out;
  },
};
