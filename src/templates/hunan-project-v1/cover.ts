import type { DocumentGrid } from '../../model/grid.js';
import { foldWidth, labelKey } from '../../model/normalize.js';
import type { HunanPart, Identity } from '../../model/index.js';
import type { SourceRef } from '../../model/source.js';
import type { DateValue, TextValue } from '../../model/values.js';
import { blockSrc, cellSrc, findLabelledBlock, label, rightOf, valueOf } from '../../parse/locate.js';
import { dateValue, findDates, textValue } from '../../parse/values.js';
import { COVER, OVERVIEW } from './labels.js';

/** What the cover page states: the neutral identity fields plus the Hunan-only ones. */
type Cover = HunanPart['cover'] & Pick<Identity, 'projectName' | 'authority' | 'reportDate'> & { projectUnit: Identity['unit'] };
type Overview = HunanPart['overview'];

const CHECKED = '☑☒✔✓🗹✅■';
const UNCHECKED = '□☐🞎';
const BOX = new RegExp(`[${CHECKED}${UNCHECKED}]`, 'u');

/**
 * A cover field written "label：value" in a paragraph, or as a label cell followed by a value cell (a
 * cover laid out as a table): a label alone in its cell introduces the cell to its right.
 */
function coverField(grid: DocumentGrid, labels: string[]): { raw: string; src: SourceRef } | null {
  const para = findLabelledBlock(grid, labels) ?? bracketedLabel(grid, labels);
  const at = para?.block.cell;
  if (para && at && para.value.trim() === '') {
    const table = grid.tables.find((t) => t.index === at.table);
    const own = table?.slots[at.row]?.[at.col] ?? null;
    const next = table && own ? rightOf(table, own) : null;
    if (next) return { raw: next.text, src: cellSrc(next) };
  }
  if (para) return { raw: para.value, src: blockSrc(para.block) };
  const cell = valueOf(grid, label(labels));
  if (cell?.cell) return { raw: cell.cell.text, src: cellSrc(cell.cell) };
  return null;
}

/** "项目单位（盖章）：…", "主管部门(公章):…": a note in brackets between a cover label and its colon. */
const BRACKETED = /^\s*([^\s（(:：][^（(:：\n]{1,15}?)\s*[（(][^)）\n]{1,8}[)）]\s*[:：]/u;

function bracketedLabel(grid: DocumentGrid, labels: string[]): { block: DocumentGrid['blocks'][number]; value: string } | null {
  const keys = new Set(labels.map(labelKey));
  for (const block of grid.blocks) {
    const m = BRACKETED.exec(block.text);
    if (m && keys.has(labelKey(m[1]!))) return { block, value: block.text.slice(m[0].length) };
  }
  return null;
}

function coverText(grid: DocumentGrid, labels: string[]): TextValue | null {
  const f = coverField(grid, labels);
  return f ? textValue(f.raw, f.src) : null;
}

/**
 * "项目实施过程评价☑   项目完成结果评价□" → options with their box state. A text dump loses the ticked
 * Wingdings box, so an option without a box next to options with empty boxes is the chosen one.
 */
export function parseEvaluationType(raw: string, src: SourceRef): NonNullable<Cover['evaluationType']> {
  const text = foldWidth(raw).trim();
  const boxFirst = BOX.test(text.charAt(0)) || BOX.test([...text][0] ?? '');
  const tokens = text.split(/\s+/u).flatMap((t) => t.split(new RegExp(`(?<=[${CHECKED}${UNCHECKED}])|(?=[${CHECKED}${UNCHECKED}])`, 'u')));
  const options: { label: string; checked: boolean | null; src: SourceRef }[] = [];
  let pendingBox: string | null = null;
  for (const tok of tokens.filter((t) => t !== '')) {
    if (BOX.test(tok) && [...tok].length === 1) {
      if (boxFirst) pendingBox = tok;
      else if (options.length > 0 && options[options.length - 1]!.checked === null) {
        options[options.length - 1]!.checked = CHECKED.includes(tok);
      }
      continue;
    }
    options.push({ label: tok, checked: boxFirst && pendingBox ? CHECKED.includes(pendingBox) : null, src });
    pendingBox = null;
  }
  const checked = options.filter((o) => o.checked === true);
  let selected: string | null = null;
  let inferred = false;
  if (checked.length === 1) selected = checked[0]!.label;
  else if (checked.length === 0) {
    const unknown = options.filter((o) => o.checked === null);
    const unticked = options.filter((o) => o.checked === false);
    if (unknown.length === 1 && unticked.length >= 1) {
      selected = unknown[0]!.label;
      inferred = true;
    }
  }
  return { options, selected, inferred, raw, src };
}

export function extractCover(grid: DocumentGrid): Cover {
  const type = coverField(grid, COVER.evaluationType);
  const date = coverField(grid, COVER.reportDate);
  let reportDate: DateValue | null = null;
  if (date) reportDate = dateValue(date.raw, date.src) ?? { value: null, raw: date.raw.trim(), valid: true, src: date.src };
  return {
    evaluationType: type ? parseEvaluationType(type.raw, type.src) : null,
    projectName: coverText(grid, COVER.projectName),
    projectUnit: coverText(grid, COVER.projectUnit),
    authority: coverText(grid, COVER.authority),
    evaluationMethod: coverText(grid, COVER.evaluationMethod),
    evaluationAgency: coverText(grid, COVER.evaluationAgency),
    reportDate,
  };
}

function cellText(grid: DocumentGrid, match: ReturnType<typeof label>): TextValue | null {
  const hit = valueOf(grid, match);
  return hit?.cell ? textValue(hit.cell.text, cellSrc(hit.cell)) : null;
}

/** "2020年 8 月起至今", "2020年8月-2021年3月", "2020.08—2020.12" → start, end, ongoing. */
export function parsePeriod(raw: string, src: SourceRef): NonNullable<Overview['period']> {
  const dates = findDates(raw);
  const toValue = (d: (typeof dates)[number] | undefined): DateValue | null =>
    d ? { value: d.value, raw: d.raw, valid: d.valid, src } : null;
  return {
    raw,
    start: toValue(dates[0]),
    end: toValue(dates[1]),
    ongoing: /至今|今/u.test(raw),
    src,
  };
}

export function extractOverview(grid: DocumentGrid): Overview {
  const period = valueOf(grid, OVERVIEW.period);
  return {
    projectLead: cellText(grid, OVERVIEW.projectLead),
    phone: cellText(grid, OVERVIEW.phone),
    address: cellText(grid, OVERVIEW.address),
    postcode: cellText(grid, OVERVIEW.postcode),
    period: period?.cell ? parsePeriod(period.cell.text, cellSrc(period.cell)) : null,
  };
}
