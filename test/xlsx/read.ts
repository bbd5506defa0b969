/** A small reader of reports.xlsx for tests: the raw sheet XML (through fflate) and its cells. */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

export interface XlsxCell {
  ref: string;
  /** The `t` attribute: 'str' for text written inline, undefined for a number. */
  type: string | undefined;
  style: number;
  /** The text inside `<v>`, XML entities decoded. */
  value: string;
}

export interface XlsxSheet {
  name: string;
  xml: string;
  rows: XlsxCell[][];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function readWorkbook(path: string): { sheets: XlsxSheet[]; styles: string; files: Record<string, Uint8Array> } {
  const files = unzipSync(readFileSync(path));
  const text = (name: string) => strFromU8(files[name]!);
  const rels = Object.fromEntries([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const sheets = [...text('xl/workbook.xml').matchAll(/<sheet sheetId="\d+" name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => {
    const target = rels[m[2]!]!.replace(/^\/?(xl\/)?/, '');
    const xml = text(`xl/${target}`);
    const rows = [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/gs)].map((r) =>
      [...r[1]!.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((c) => ({
        ref: c[1]!,
        type: /t="([^"]+)"/.exec(c[2]!)?.[1],
        style: Number(/s="(\d+)"/.exec(c[2]!)?.[1] ?? 0),
        value: decode(/<v>(.*?)<\/v>/s.exec(c[3] ?? '')?.[1] ?? ''),
      })),
    );
    return { name: decode(m[1]!), xml, rows };
  });
  return { sheets, styles: text('xl/styles.xml'), files };
}

/** SpreadsheetML's built-in number formats used here. */
const BUILT_IN: Record<string, string> = { '0': 'General', '1': '0', '2': '0.00', '3': '#,##0', '4': '#,##0.00' };

/** The number format code of a cell's style index. */
export function numFmtOf(styles: string, style: number): string | undefined {
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)![1]!;
  const xf = [...xfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)][style];
  if (!xf) return undefined;
  const id = xf[1]!;
  const custom = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].find((m) => m[1] === id);
  return custom ? decode(custom[2]!) : BUILT_IN[id];
}

/** The column letters of a cell reference (A1 → A). */
export const columnOf = (ref: string) => ref.replace(/\d+$/, '');
/** The 1-based column number of column letters. */
export const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
