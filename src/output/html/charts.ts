/** Small inline-SVG charts for the index (no charting library, no network). */
import { esc } from './escape.js';
import type { Strings } from './i18n.js';

interface Bar {
  label: string;
  value: number;
  /** Rule id, for bars that filter the table when clicked. */
  rule?: string;
  cls?: string;
}

const WIDTH = 420;

function hbars(bars: readonly Bar[], t: Strings, labelWidth: number): string {
  if (bars.length === 0) return `<p class="muted">${esc(t.noData)}</p>`;
  const rowH = 18;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const plot = WIDTH - labelWidth - 56;
  const height = bars.length * rowH + 4;
  const rows = bars.map((b, i) => {
    const y = i * rowH + 2;
    const w = Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * plot));
    // A rule's bar filters the table: a button for the keyboard and for screen readers.
    const attr = b.rule !== undefined ? ` data-rule="${esc(b.rule)}" tabindex="0" role="button" aria-label="${esc(t.filterRule(b.label))}: ${b.value}"` : '';
    return `<g${attr}><title>${esc(b.label)}: ${b.value}</title>` +
      `<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end">${esc(b.label)}</text>` +
      `<rect class="bar${b.cls ? ` ${b.cls}` : ''}" x="${labelWidth}" y="${y + 2}" width="${w}" height="${rowH - 5}" rx="2"></rect>` +
      `<text x="${labelWidth + w + 4}" y="${y + 12}">${b.value}</text></g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img">${rows.join('')}</svg>`;
}

/** Findings per rule over the whole run (rule id → count), most frequent first (ties by rule id). */
export function rulesChart(totals: ReadonlyMap<string, number>, t: Strings, names: Record<string, string> = {}): string {
  const bars = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([rule, n]) => ({ label: names[rule] ?? rule, value: n, rule }));
  return hbars(bars, t, 170);
}

const SCORE_BINS: readonly [number, number, string][] = [
  [0, 60, '<60'],
  [60, 70, '60–69'],
  [70, 80, '70–79'],
  [80, 85, '80–84'],
  [85, 90, '85–89'],
  [90, 95, '90–94'],
  [95, Infinity, '95–100'],
];

/** Headline scores binned on the grade boundaries (60/80/90), and how many inputs have none. */
export class ScoreBins {
  private readonly counts = SCORE_BINS.map(() => 0);
  private none = 0;

  add(score: string | null): void {
    // Only to choose a bar: the score itself is never computed with.
    const n = score === null ? NaN : Number(score);
    if (!Number.isFinite(n)) {
      this.none++;
      return;
    }
    const i = SCORE_BINS.findIndex(([lo, hi]) => n >= lo && n < hi);
    this.counts[i < 0 ? 0 : i]!++;
  }

  chart(t: Strings): string {
    const bars: Bar[] = SCORE_BINS.map(([, , label], i) => ({ label, value: this.counts[i]! }));
    bars.push({ label: t.noScore, value: this.none, cls: 'failed' });
    return hbars(bars, t, 70);
  }
}
