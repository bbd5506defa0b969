/**
 * Apache Tika text dump → HTML.
 *
 * Tika writes a table cell as a line starting with TAB; lines that follow without a TAB are further
 * paragraphs of that cell; a blank line ends a row; consecutive rows form one table. Everything else is
 * a paragraph. Every <p> and <td> carries data-line (1-based source line) for provenance.
 */

const TIKA_MARKER = /\[(?:bookmark|footnoteRef|endnoteRef|image|link|comment|annotation):[^\]]*\]/gu;

export function stripTikaMarkers(line: string): string {
  return line.replace(TIKA_MARKER, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

interface Cell {
  line: number;
  paragraphs: { text: string; line: number }[];
}

export function tikaTextToHtml(text: string): string {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const out: string[] = ['<html><body>'];
  let row: Cell[] | null = null;
  let inTable = false;

  const para = (p: { text: string; line: number }) => `<p data-line="${p.line}">${escapeHtml(p.text)}</p>`;
  const flushRow = () => {
    if (!row) return;
    if (!inTable) {
      out.push('<table>');
      inTable = true;
    }
    out.push('<tr>');
    for (const cell of row) out.push(`<td data-line="${cell.line}">${cell.paragraphs.map(para).join('')}</td>`);
    out.push('</tr>');
    row = null;
  };
  const closeTable = () => {
    flushRow();
    if (inTable) out.push('</table>');
    inTable = false;
  };

  lines.forEach((rawLine, i) => {
    const lineNo = i + 1;
    const line = stripTikaMarkers(rawLine);
    if (rawLine.startsWith('\t')) {
      row ??= [];
      row.push({ line: lineNo, paragraphs: [{ text: line.slice(1), line: lineNo }] });
      return;
    }
    if (rawLine.trim() === '') {
      // A blank line ends a row; a second blank line (or any paragraph) after it ends the table.
      if (row) flushRow();
      else if (inTable) closeTable();
      return;
    }
    if (row) {
      row[row.length - 1]!.paragraphs.push({ text: line, line: lineNo });
      return;
    }
    closeTable();
    out.push(para({ text: line, line: lineNo }));
  });
  closeTable();
  out.push('</body></html>');
  return out.join('\n');
}
