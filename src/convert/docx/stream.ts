/**
 * One streaming pass over an XML part with the character offsets of every tag, and splice edits on
 * the original text. The plain XML Office writes is read by xml-lexer.ts; anything else by saxes, which
 * checks well-formedness (without its namespace processing, which is slow). Namespace prefixes are
 * resolved here, scope by scope, and an unbound prefix is an error.
 *
 * Offsets: all markup starts with `<` and text never contains a raw `<`, so a tag starts at the first
 * `<` after the end of the previous markup; saxes reports its events right after the closing `>`.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { DocumentError } from '../../model/errors.js';
import { MAX_NESTING_DEPTH, tooDeep } from '../../model/limits.js';
import { NS, STRICT_ALIASES, hasDoctype } from './xml.js';
import { CLOSE, MARKUP, OPEN, TEXT, lexXml, type Events } from './xml-lexer.js';

export interface Tag {
  /** Qualified name as written. */
  name: string;
  uri: string;
  local: string;
  attrs: Record<string, string>;
  /** Offset of the `<` of the open tag, and just past its `>`. */
  start: number;
  end: number;
  selfClosing: boolean;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface StreamHandlers {
  open(tag: Tag): void;
  /** `start`/`end` delimit the close tag (both equal to `tag.end` for a self-closing tag). */
  close(tag: Tag, start: number, end: number): void;
  /** Character data (entities decoded, CDATA included) directly or indirectly inside the root. */
  text(text: string): void;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const escText = (s: string): string => s.replace(/[&<>]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

type Scope = Map<string, string>;

/**
 * Known namespace URIs as the program's own string constants: `tag.uri === NS.w` is then an identity
 * check, not a 59-character comparison, on every element (pre-pass 6.1 → 4.6 ms per document). Strict
 * OOXML URIs resolve to their transitional equivalents.
 */
const CANONICAL_URI = new Map<string, string>([...Object.values(NS).map((uri): [string, string] => [uri, uri]), ...STRICT_ALIASES]);

/** Streams a part; the edits it returns normalise it as a parse-and-serialise round trip would. */
export class XmlStream {
  private scope: Scope = new Map([
    ['xml', XML_NS],
    ['xmlns', XMLNS_NS],
  ]);
  /** qname → [uri, local] under the current scope (cleared whenever the scope changes). */
  private names = new Map<string, [string, string]>();
  private error: Error | null = null;

  constructor(
    private readonly xml: string,
    private readonly part: string,
    /** `saxes`: skip the fast reader (xml-lexer.ts); for the tests that compare the two. */
    private readonly reader: 'fast' | 'saxes' = 'fast',
  ) {}

  /** Attribute by local name, preferring the WordprocessingML namespace or none (as the tree's `attr`). */
  attr(tag: Tag, local: string, preferredUri: string): string | undefined {
    let fallback: string | undefined;
    for (const name in tag.attrs) {
      const colon = name.indexOf(':');
      if ((colon < 0 ? name : name.slice(colon + 1)) !== local) continue;
      const value = tag.attrs[name]!;
      if (colon < 0 || this.scope.get(name.slice(0, colon)) === preferredUri) return value;
      fallback ??= value;
    }
    return fallback;
  }

  /**
   * Runs the handlers over the part. Returns the normalising edits: the prolog becomes the standard
   * UTF-8 declaration, comments, processing instructions and anything after the root go, CDATA
   * sections become escaped text.
   */
  run(h: StreamHandlers): Edit[] {
    const { xml, part } = this;
    if (hasDoctype(xml)) throw new DocumentError('xml-doctype', { zh: `部件 ${part}`, en: `part ${part}` });
    const events = this.reader === 'fast' ? lexXml(xml) : null;
    if (events) return this.replay(events, h);
    const parser = new SaxesParser({ xmlns: false, position: false });
    const edits: Edit[] = [];
    const stack: { tag: Tag; saved: Scope | null }[] = [];
    /** End of the last tag, comment, processing instruction or CDATA section. */
    let lastEnd = 0;
    let rootStart = -1;
    let rootEnd = -1;
    /** A tag starts at the last `<` before its end (attribute values cannot hold a `<`). */
    const tagStart = (end: number) => xml.lastIndexOf('<', end - 1);
    /** Replaces the markup just read; saxes reports a comment before reading its final `>`. */
    const drop = (text: string, unread = 0) => {
      const start = xml.indexOf('<', lastEnd);
      lastEnd = parser.position + unread;
      if (rootStart >= 0 && rootEnd < 0) edits.push({ start, end: lastEnd, text });
    };
    // At most seven handlers: with an eighth, saxes' parser object gets slow (~6x measured).
    // No error handler, so saxes throws its first error.
    let doctype = false;
    parser.on('doctype', () => {
      doctype = true;
      throw new Error('DOCTYPE declarations are not allowed');
    });
    parser.on('comment', () => drop('', 1));
    parser.on('processinginstruction', () => drop(''));
    parser.on('cdata', (text) => {
      drop(escText(text));
      if (stack.length) h.text(text);
    });
    parser.on('text', (text) => {
      if (stack.length) h.text(text);
    });
    parser.on('opentag', (t: SaxesTagPlain) => {
      const end = (lastEnd = parser.position);
      const start = tagStart(end);
      if (rootStart < 0) rootStart = start;
      // Deeper than any document: mammoth's recursive reader would overflow the stack on it.
      if (stack.length >= MAX_NESTING_DEPTH) throw tooDeep(MAX_NESTING_DEPTH);
      const tag: Tag = { name: t.name, uri: '', local: t.name, attrs: t.attributes, start, end, selfClosing: t.isSelfClosing };
      stack.push({ tag, saved: this.enter(tag) });
      h.open(tag);
    });
    parser.on('closetag', () => {
      const frame = stack.pop();
      if (!frame) return;
      const { tag } = frame;
      const end = (lastEnd = parser.position);
      h.close(tag, tag.selfClosing ? end : tagStart(end), end);
      if (frame.saved) {
        this.scope = frame.saved;
        this.names.clear();
      }
      if (!stack.length) rootEnd = end;
    });
    try {
      parser.write(xml).close();
    } catch (e) {
      if (e instanceof DocumentError) throw e;
      this.error ??= e as Error;
    }
    if (doctype) throw new DocumentError('xml-doctype', { zh: `部件 ${part}`, en: `part ${part}` });
    if (this.error) throw this.notWellFormed(this.error);
    if (rootStart < 0 || rootEnd < 0) throw new DocumentError('corrupt-zip', { zh: `${part} 没有根元素`, en: `${part}: no root element` });
    edits.push({ start: 0, end: rootStart, text: XML_DECLARATION });
    if (rootEnd < xml.length) edits.push({ start: rootEnd, end: xml.length, text: '' });
    return edits;
  }

  private notWellFormed(error: Error): DocumentError {
    return new DocumentError('corrupt-zip', { zh: `${this.part} 不是格式正确的 XML（${error.message}）`, en: `${this.part} is not well-formed XML (${error.message})` });
  }

  /** `run` over the events of the fast reader: the same handler calls and edits as with saxes. */
  private replay(events: Events, h: StreamHandlers): Edit[] {
    const { xml } = this;
    const edits: Edit[] = [];
    const stack: { tag: Tag; saved: Scope | null }[] = [];
    let rootStart = -1;
    let rootEnd = -1;
    const close = (start: number, end: number): void => {
      const frame = stack.pop()!;
      h.close(frame.tag, start, end);
      if (frame.saved) {
        this.scope = frame.saved;
        this.names.clear();
      }
      if (!stack.length) rootEnd = end;
    };
    try {
      for (let e = 0; e < events.length; e += 4) {
        const kind = events[e] as number;
        const start = events[e + 2] as number;
        const end = events[e + 3] as number;
        if (kind === OPEN) {
          const tag = events[e + 1] as Tag;
          if (rootStart < 0) rootStart = start;
          if (stack.length >= MAX_NESTING_DEPTH) throw tooDeep(MAX_NESTING_DEPTH);
          stack.push({ tag, saved: this.enter(tag) });
          h.open(tag);
          if (tag.selfClosing) close(end, end);
        } else if (kind === CLOSE) close(start, end);
        else if (kind === TEXT) h.text(events[e + 1] as string);
        else if (kind === MARKUP && rootStart >= 0 && rootEnd < 0) edits.push({ start, end, text: '' });
      }
    } catch (e) {
      // As on saxes's way, where the handlers run inside the parser: what is not a DocumentError
      // is reported as the part not being readable XML.
      if (e instanceof DocumentError) throw e;
      this.error ??= e as Error;
    }
    if (this.error) throw this.notWellFormed(this.error);
    edits.push({ start: 0, end: rootStart, text: XML_DECLARATION });
    if (rootEnd < xml.length) edits.push({ start: rootEnd, end: xml.length, text: '' });
    return edits;
  }

  /**
   * Applies the namespace declarations of a tag, resolves its name and checks its attributes' prefixes.
   * Returns the scope to restore at its end, if it declared any.
   */
  private enter(tag: Tag): Scope | null {
    const { attrs } = tag;
    let saved: Scope | null = null;
    let recheck = false;
    for (const name in attrs) {
      const colon = name.indexOf(':');
      if (colon < 0 ? name === 'xmlns' : colon === 5 && name.startsWith('xmlns')) {
        if (!saved) {
          saved = this.scope;
          this.scope = new Map(saved);
          this.names.clear();
        }
        const uri = attrs[name]!;
        this.scope.set(colon < 0 ? '' : name.slice(6), CANONICAL_URI.get(uri) ?? uri);
      } else if (colon >= 0 && !this.scope.has(name.slice(0, colon))) recheck = true;
    }
    if (recheck) {
      // A prefix unbound so far may be declared by a later attribute of the same tag.
      for (const name in attrs) {
        const colon = name.indexOf(':');
        const prefix = name.slice(0, colon);
        if (colon >= 0 && prefix !== 'xmlns' && !this.scope.has(prefix)) this.error ??= new Error(`unbound namespace prefix: "${prefix}".`);
      }
    }
    const known = this.names.get(tag.name);
    if (known) {
      tag.uri = known[0];
      tag.local = known[1];
    } else {
      const colon = tag.name.indexOf(':');
      const prefix = colon < 0 ? '' : tag.name.slice(0, colon);
      const uri = this.scope.get(prefix);
      if (uri === undefined && colon >= 0) this.error ??= new Error(`unbound namespace prefix: "${prefix}".`);
      tag.uri = uri ?? '';
      tag.local = colon < 0 ? tag.name : tag.name.slice(colon + 1);
      this.names.set(tag.name, [tag.uri, tag.local]);
    }
    return saved;
  }
}

/**
 * Applies edits to a text. Edits are sorted by start (insertions first, then the longest range);
 * an edit starting inside an earlier applied one is dropped (it was inside a removed range).
 */
export function applyEdits(xml: string, edits: Edit[]): string {
  const rank = (e: Edit) => (e.start === e.end ? 0 : 1);
  edits.sort((a, b) => a.start - b.start || rank(a) - rank(b) || b.end - a.end);
  const out: string[] = [];
  let cursor = 0;
  for (const e of edits) {
    if (e.start < cursor) continue;
    out.push(xml.slice(cursor, e.start), e.text);
    cursor = e.end;
  }
  out.push(xml.slice(cursor));
  return out.join('');
}
