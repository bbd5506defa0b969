/**
 * A small namespace-aware XML tree for OOXML parts: parsed with saxes (no DTD processing, no entity
 * resolution — a DOCTYPE is refused outright), serialised back with the original qualified names.
 */
import { SaxesParser } from 'saxes';
import { DocumentError } from '../../model/errors.js';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  v: 'urn:schemas-microsoft-com:vml',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

export interface XmlAttr {
  /** Qualified name as written (kept for serialisation). */
  name: string;
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  type: 'element';
  name: string;
  uri: string;
  local: string;
  attrs: XmlAttr[];
  children: XmlNode[];
  parent: XmlElement | null;
}

export interface XmlText {
  type: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

function badXml(part: string, detail: string): DocumentError {
  return new DocumentError('corrupt-zip', `${part}: ${detail}`);
}

/** Decode an XML part (UTF-8 unless it carries a UTF-16 BOM). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** True when the prolog of an XML text declares a DOCTYPE (never legitimate in OOXML). */
export function hasDoctype(xml: string): boolean {
  const root = xml.search(/<[A-Za-z_]/u);
  const prolog = root < 0 ? xml : xml.slice(0, root);
  return /<!DOCTYPE/iu.test(prolog);
}

export function parseXml(xml: string, part: string): XmlElement {
  if (hasDoctype(xml)) throw new DocumentError('not-a-report', `${part}: DOCTYPE declarations are not allowed`);
  const parser = new SaxesParser({ xmlns: true, position: false });
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('doctype', () => {
    error ??= new Error('DOCTYPE declarations are not allowed');
  });
  parser.on('opentag', (tag) => {
    const attrs: XmlAttr[] = [];
    for (const a of Object.values(tag.attributes)) attrs.push({ name: a.name, uri: a.uri, local: a.local, value: a.value });
    const el: XmlElement = { type: 'element', name: tag.name, uri: tag.uri, local: tag.local, attrs, children: [], parent: current };
    if (current) current.children.push(el);
    else root ??= el;
    current = el;
  });
  parser.on('closetag', () => {
    current = current?.parent ?? null;
  });
  const onText = (text: string) => {
    if (!current) return;
    const last = current.children[current.children.length - 1];
    if (last?.type === 'text') last.text += text;
    else current.children.push({ type: 'text', text });
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= e as Error;
  }
  if (error) throw badXml(part, (error as Error).message);
  if (!root) throw badXml(part, 'no root element');
  return root;
}

const escText = (s: string) => s.replace(/[&<>]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
const escAttr = (s: string) =>
  s.replace(/[&<"\t\n\r]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!);

export function serializeXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'];
  const walk = (el: XmlElement) => {
    out.push('<', el.name);
    for (const a of el.attrs) out.push(' ', a.name, '="', escAttr(a.value), '"');
    if (el.children.length === 0) {
      out.push('/>');
      return;
    }
    out.push('>');
    for (const c of el.children) {
      if (c.type === 'text') out.push(escText(c.text));
      else walk(c);
    }
    out.push('</', el.name, '>');
  };
  walk(root);
  return out.join('');
}

// ---- helpers -------------------------------------------------------------------------------------

export function isW(node: XmlNode | undefined | null, local: string): boolean {
  return node?.type === 'element' && node.uri === NS.w && node.local === local;
}

export function elementChildren(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.type === 'element');
}

export function firstW(el: XmlElement | undefined, local: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.type === 'element' && isW(c, local)) return c;
  return undefined;
}

/** Attribute by local name, preferring the WordprocessingML namespace. */
export function attr(el: XmlElement | undefined, local: string): string | undefined {
  if (!el) return undefined;
  let fallback: string | undefined;
  for (const a of el.attrs) {
    if (a.local !== local) continue;
    if (a.uri === NS.w || a.uri === '') return a.value;
    fallback ??= a.value;
  }
  return fallback;
}

/** The qualified-name prefix the document uses for a namespace (searched on the root's declarations). */
export function prefixFor(root: XmlElement, uri: string): string | null {
  for (const a of root.attrs) {
    if (a.value !== uri) continue;
    if (a.name === 'xmlns') return '';
    if (a.name.startsWith('xmlns:')) return a.name.slice(6);
  }
  return null;
}

/** A new element in the WordprocessingML namespace, named with the document's prefix for it. */
export function makeW(prefix: string, local: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  const q = (n: string) => (prefix ? `${prefix}:${n}` : n);
  const el: XmlElement = {
    type: 'element',
    name: q(local),
    uri: NS.w,
    local,
    // Unprefixed attributes are in no namespace; WordprocessingML attributes need the prefix.
    attrs: Object.entries(attrs).map(([k, v]) => ({ name: prefix ? q(k) : k, uri: prefix ? NS.w : '', local: k, value: v })),
    children,
    parent: null,
  };
  for (const c of children) if (c.type === 'element') c.parent = el;
  return el;
}

export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += c.type === 'text' ? c.text : textOf(c);
  return s;
}

export function replaceNode(old: XmlElement, replacement: XmlNode[]): void {
  const parent = old.parent;
  if (!parent) return;
  const i = parent.children.indexOf(old);
  if (i < 0) return;
  parent.children.splice(i, 1, ...replacement);
  for (const r of replacement) if (r.type === 'element') r.parent = parent;
}
