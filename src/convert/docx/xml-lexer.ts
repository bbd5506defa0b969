/**
 * A fast reader for the plain XML that Word and Excel write: ASCII names, quoted attributes, the five
 * predefined entities and character references, comments, one XML declaration at the very start. It
 * reads the whole part before anything is reported, and gives up (returns null) on anything outside that
 * subset or not certainly well-formed: the stream then reads the part with saxes, which decides, with
 * its own error message, whether the part is XML at all. So a part it accepts is one saxes accepts, and
 * its events are the ones saxes reports (test/docx/xml-lexer.test.ts compares both on every fixture,
 * on generated documents and on mutated ones).
 *
 * Why: saxes checks every character against the XML grammar one event at a time and was two thirds of
 * the docx pre-pass (≈ 5 ms of a document's ≈ 35 ms).
 */
import type { Tag } from './stream.js';

export const OPEN = 0;
export const CLOSE = 1;
export const TEXT = 2;
export const MARKUP = 3;

/** Events as flat quadruples: kind, payload (the tag, the decoded text, or null), start, end. */
export type Events = unknown[];

// Character classes of the ASCII names accepted (XML allows more; other names go to saxes).
const NAME_START = 1;
const NAME_CHAR = 2;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/u.test(ch)) CLASS[c] = NAME_START | NAME_CHAR;
  else if (/[0-9.-]/u.test(ch)) CLASS[c] = NAME_CHAR;
}

/**
 * Characters XML does not allow (controls, U+FFFE/U+FFFF) and CR, which XML rewrites; and unpaired
 * surrogates, looked for only when there are surrogates at all (the lookbehind makes that search slow).
 */
const SUSPECT = /[\0-\x08\x0B-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NOT_PLAIN = /[\0-\x08\x0B-\x1F\uFFFE\uFFFF]/;
const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const XML_DECLARATION = /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(?:"1\.0"|'1\.0')(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:"[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n]*\?>/u;
// No prototype: "&constructor;" is no entity.
const ENTITIES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" });

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09;
const isXmlChar = (c: number): boolean => c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/** End of the name starting at `i` (at most one colon, inside it), or -1 when there is none. */
function nameEnd(xml: string, i: number): number {
  const first = xml.charCodeAt(i);
  if (!(first < 128 && CLASS[first]! & NAME_START)) return -1;
  let colon = false;
  let j = i + 1;
  for (; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (c < 128 && CLASS[c]! & NAME_CHAR) continue;
    if (c !== 0x3a || colon) break;
    const next = xml.charCodeAt(j + 1);
    if (!(next < 128 && CLASS[next]! & NAME_START)) return -1;
    colon = true;
  }
  const c = xml.charCodeAt(j);
  // A name must end at markup or white space; anything else (a non-ASCII name character) goes to saxes.
  return isSpace(c) || c === 0x3e || c === 0x2f || c === 0x3d ? j : -1;
}

/**
 * Decodes `xml[start, end)` (text, or an attribute value with `attribute`): entity and character
 * references, and in attribute values tab and newline as spaces. Null when a reference is not one of
 * those XML knows without a DTD, or an attribute value holds a "<".
 */
function decode(xml: string, start: number, end: number, attribute: boolean): string | null {
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c === 0x26) {
      const semi = xml.indexOf(';', i + 1);
      if (semi < 0 || semi >= end) return null;
      const ref = xml.slice(i + 1, semi);
      let text: string | undefined;
      if (ref.charCodeAt(0) === 0x23) {
        const hex = ref.charCodeAt(1) === 0x78;
        const digits = ref.slice(hex ? 2 : 1);
        if (!(hex ? /^[0-9A-Fa-f]{1,6}$/u : /^[0-9]{1,7}$/u).test(digits)) return null;
        const code = Number.parseInt(digits, hex ? 16 : 10);
        if (!isXmlChar(code)) return null;
        text = String.fromCodePoint(code);
      } else text = ENTITIES[ref];
      if (text === undefined) return null;
      out += xml.slice(from, i) + text;
      from = semi + 1;
      i = semi;
    } else if (attribute && (c === 0x09 || c === 0x0a)) {
      out += `${xml.slice(from, i)} `;
      from = i + 1;
    } else if (attribute && c === 0x3c) return null; // "<" is not allowed in an attribute value
  }
  return from === start ? xml.slice(start, end) : out + xml.slice(from, end);
}

/** Reads an open tag at `<` = xml[start]; returns its end or -1. */
function openTag(xml: string, start: number, events: Events): number {
  const nameStop = nameEnd(xml, start + 1);
  if (nameStop < 0) return -1;
  // A plain object, not a prototype-less one (V8 keeps those as hash tables, several times the size and
  // a third of this reader's garbage). An attribute named like an Object property ("constructor",
  // "__proto__") is then already `in` it below, and the part goes to saxes.
  const attrs: Record<string, string> = {};
  let i = nameStop;
  for (;;) {
    const before = i;
    while (isSpace(xml.charCodeAt(i))) i++;
    const c = xml.charCodeAt(i);
    if (c === 0x3e || (c === 0x2f && xml.charCodeAt(i + 1) === 0x3e)) {
      const selfClosing = c === 0x2f;
      const end = i + (selfClosing ? 2 : 1);
      const tag: Tag = { name: xml.slice(start + 1, nameStop), uri: '', local: '', attrs, start, end, selfClosing };
      events.push(OPEN, tag, start, end);
      return end;
    }
    if (i === before) return -1; // attributes are separated by white space
    const stop = nameEnd(xml, i);
    if (stop < 0) return -1;
    const name = xml.slice(i, stop);
    if (name in attrs) return -1;
    i = stop;
    while (isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 0x3d) return -1;
    i++;
    while (isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) return -1;
    const close = xml.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (close < 0) return -1;
    const value = decode(xml, i + 1, close, true);
    if (value === null) return -1;
    attrs[name] = value;
    i = close + 1;
  }
}

/**
 * Parts longer than this are left to saxes: the fast reader holds every event of a part at once (a
 * few hundred bytes per tag), which is nothing for a report's ~100 KB but would be hundreds of MB for
 * the largest parts the zip limits let through, where saxes streams.
 */
export const MAX_FAST_CHARS = 4_000_000;

/** The events of a part in the plain subset, or null (read it with saxes). */
export function lexXml(xml: string): Events | null {
  if (xml.length > MAX_FAST_CHARS) return null;
  if (SUSPECT.test(xml) && (NOT_PLAIN.test(xml) || UNPAIRED.test(xml))) return null;
  const events: Events = [];
  const open: string[] = [];
  let rootDone = false;
  let i = 0;
  if (xml.startsWith('<?')) {
    const decl = XML_DECLARATION.exec(xml);
    if (!decl) return null;
    events.push(MARKUP, null, 0, decl[0].length);
    i = decl[0].length;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      if (open.length === 0) {
        for (let j = i; j < textEnd; j++) if (!isSpace(xml.charCodeAt(j))) return null;
      } else {
        // "]]>" is not allowed in text; looked for only when the text holds a ">" (searching for it
        // directly would scan the rest of the part from every text).
        const gt = xml.indexOf('>', i);
        if (gt >= 0 && gt < textEnd && xml.slice(i, textEnd).includes(']]>')) return null;
        const text = decode(xml, i, textEnd, false);
        if (text === null) return null;
        events.push(TEXT, text, i, textEnd);
      }
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f) {
      const stop = nameEnd(xml, lt + 2);
      if (stop < 0) return null;
      let end = stop;
      while (isSpace(xml.charCodeAt(end))) end++;
      if (xml.charCodeAt(end) !== 0x3e) return null;
      const name = open.pop();
      if (name === undefined || name.length !== stop - lt - 2 || !xml.startsWith(name, lt + 2)) return null;
      events.push(CLOSE, null, lt, end + 1);
      if (open.length === 0) rootDone = true;
      i = end + 1;
    } else if (next === 0x21) {
      if (!xml.startsWith('<!--', lt)) return null; // CDATA, DOCTYPE: saxes
      const dashes = xml.indexOf('--', lt + 4);
      if (dashes < 0 || xml.charCodeAt(dashes + 2) !== 0x3e) return null;
      events.push(MARKUP, null, lt, dashes + 3);
      i = dashes + 3;
    } else {
      if (rootDone) return null; // a second root, or a processing instruction: saxes
      const end = openTag(xml, lt, events);
      if (end < 0) return null;
      const tag = events[events.length - 3] as Tag;
      if (!tag.selfClosing) open.push(tag.name);
      else if (open.length === 0) rootDone = true;
      i = end;
    }
  }
  return open.length === 0 && rootDone ? events : null;
}
