/**
 * mammoth's XML reading (its xml/reader `readString`: xmldom's DOM, then mammoth's own element tree)
 * done from the fast reader's events instead, for the parts that reader takes (xml-lexer.ts); any other
 * part goes to mammoth's own reader as before. xmldom building a DOM only to have it copied was a
 * fifth of a .docx's conversion. The tree is the one mammoth makes: element names as mammoth's
 * namespace map prefixes them ("w:p", or "{uri}local" for namespaces outside it), attributes the same
 * way (namespace declarations under the xmlns namespace, unprefixed attributes in none), text nodes
 * as read (comments dropped). test/docx/mammoth-xml.test.ts compares both trees on every part the
 * tests build and on what the pre-pass gives mammoth.
 */
import { CLOSE, OPEN, TEXT, lexXml } from './xml-lexer.js';
import type { Tag } from './stream.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const CLOSE_TAG_SPACE = /<\/[^\s>]+\s/;
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface MammothNodes {
  Element: new (name: string, attributes: Record<string, string>, children: unknown[]) => unknown;
  text(value: string): unknown;
}

export type ReadString = (xml: string, namespaceMap?: Record<string, string>) => Promise<unknown>;

type Scope = Map<string, string>;

/** mammoth's element tree of a part in the fast reader's subset, or null (mammoth reads it itself). */
export function mammothTree(xml: string, namespaceMap: Record<string, string>, nodes: MammothNodes): unknown {
  // What xmldom reads otherwise than XML does: U+2028 and U+0085 as line breaks, and a close tag with
  // white space before its ">" (it then takes an earlier close tag of that name as unclosed).
  if (xml.includes('\u2028') || xml.includes('\u0085') || CLOSE_TAG_SPACE.test(xml)) return null;
  const events = lexXml(xml);
  if (events === null) return null;
  let scope: Scope = new Map([['xml', XML_NS]]);
  const stack: { tag: Tag; children: unknown[]; saved: Scope | null }[] = [];
  const converted = new Map<string, string | null>();
  /** The name as mammoth writes it; null for a prefix not declared (left to mammoth's reader). */
  const convert = (qname: string, element: boolean): string | null => {
    const key = element ? qname : `@${qname}`;
    const known = converted.get(key);
    if (known !== undefined) return known;
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    // xmldom keeps names in plain objects (an attribute "hasOwnProperty" breaks it) and reads an
    // element prefixed xmlns as unprefixed: such parts are left to it.
    if (prefix in Object.prototype || local in Object.prototype || (element && prefix === 'xmlns')) {
      converted.set(key, null);
      return null;
    }
    let uri: string | undefined;
    if (prefix === 'xmlns' || (!element && qname === 'xmlns')) uri = XMLNS_NS;
    else if (prefix !== '' || element) uri = scope.get(prefix);
    let name: string | null;
    if (uri === undefined && prefix !== '') name = null;
    else if (!uri) name = local;
    else {
      const mapped = namespaceMap[uri];
      name = `${mapped ? `${mapped}:` : `{${uri}}`}${local}`;
    }
    converted.set(key, name);
    return name;
  };
  let root: unknown = null;
  for (let e = 0; e < events.length; e += 4) {
    const kind = events[e];
    if (kind === OPEN) {
      const tag = events[e + 1] as Tag;
      let saved: Scope | null = null;
      for (const name in tag.attrs) {
        if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
        if (!saved) {
          saved = scope;
          scope = new Map(saved);
          converted.clear();
        }
        scope.set(name === 'xmlns' ? '' : name.slice(6), tag.attrs[name]!);
      }
      stack.push({ tag, children: [], saved });
      if (tag.selfClosing) root = closeElement();
    } else if (kind === CLOSE) root = closeElement();
    else if (kind === TEXT) stack[stack.length - 1]!.children.push(nodes.text(events[e + 1] as string));
    if (root === undefined) return null;
  }
  return root;

  /** Builds the innermost open element; undefined when a name cannot be resolved. */
  function closeElement(): unknown {
    const frame = stack.pop()!;
    const name = convert(frame.tag.name, true);
    if (name === null) return undefined;
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const qname in frame.tag.attrs) {
      const attributeName = convert(qname, false);
      if (attributeName === null) return undefined;
      attributes[attributeName] = frame.tag.attrs[qname]!;
    }
    if (frame.saved) {
      scope = frame.saved;
      converted.clear();
    }
    const element = new nodes.Element(name, attributes, frame.children);
    if (stack.length > 0) {
      stack[stack.length - 1]!.children.push(element);
      return null;
    }
    return element;
  }
}

/** mammoth's `readString` with the fast way first. */
export function fastReadString(original: ReadString, nodes: MammothNodes): ReadString {
  return (xml, namespaceMap) => {
    const tree = mammothTree(xml, namespaceMap ?? {}, nodes);
    return tree === null ? original(xml, namespaceMap) : Promise.resolve(tree);
  };
}
