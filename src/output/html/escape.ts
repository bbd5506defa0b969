/** Escaping for the audit view: everything that comes from a document goes through these. */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text content and attribute values (double- or single-quoted) alike. */
export function esc(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON for a `<script type="application/json">` block: `<` is written as \u003c so no `</script>`
 * or `<!--` in the data can end or confuse the element; U+2028/2029 escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</gu, '\\u003c')
    .replace(/>/gu, '\\u003e')
    .replace(/&/gu, '\\u0026')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029');
}

/**
 * The file name of a report page: `<name>.html`, except that a report named "index" (any case) must not
 * replace the index page, so it becomes `_index.html`.
 */
export function pageFileName(name: string): string {
  return name.toLowerCase() === 'index' ? `_${name}.html` : `${name}.html`;
}

/** A relative link to a report page that survives #, %, ? and spaces in the name. */
export function pageHref(name: string): string {
  return encodeURIComponent(pageFileName(name));
}

/** The <head> shared by every audit page: UTF-8, a CSP that allows nothing from outside, inline CSS. */
export function pageHead(htmlLang: string, title: string, css: string): string {
  return `<!DOCTYPE html>
<html lang="${htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${css}</style>
</head>`;
}
