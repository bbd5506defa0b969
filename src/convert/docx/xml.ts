/**
 * OOXML part basics: namespaces, decoding, the DOCTYPE check (no DTD processing, no entity resolution —
 * a DOCTYPE is refused outright). Parts are read by the streaming pass in stream.ts.
 */

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  v: 'urn:schemas-microsoft-com:vml',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

/**
 * Strict OOXML (ISO/IEC 29500 Strict, Word's "Strict Open XML Document") names the same vocabulary
 * with other URIs. The stream resolves them to the transitional ones, so every check made against
 * `NS` accepts both; markup compatibility, VML and the Word 2010 extensions keep their URIs in Strict.
 */
export const STRICT_ALIASES: ReadonlyMap<string, string> = new Map([['http://purl.oclc.org/ooxml/wordprocessingml/main', NS.w]]);

/** A namespace URI as the program compares it: transitional for a Strict alias, else as written. */
export const canonicalNamespace = (uri: string): string => STRICT_ALIASES.get(uri) ?? uri;

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

/** The qualified-name prefix the root declares for the WordprocessingML namespace (else its own). */
export function wPrefix(rootName: string, attrs: Record<string, string>): string {
  for (const name in attrs) {
    if (canonicalNamespace(attrs[name]!) !== NS.w) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return name.slice(6);
  }
  return rootName.includes(':') ? rootName.split(':')[0]! : '';
}
