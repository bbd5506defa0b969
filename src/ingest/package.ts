/**
 * Open Packaging Conventions: where a package's parts are, by its relationships rather than by fixed
 * names. Word writes its main part as word/document.xml, but Word Online / Office 365 save it as
 * word/document2.xml (and Strict OOXML uses other relationship type URIs); `_rels/.rels` always says.
 *
 * Relationship parts are tiny and flat (one element per relationship), so they are read with a tag
 * scan here rather than a parser: this module runs while sniffing, before any converter is loaded.
 */

/** The part Word writes and mammoth falls back to when the relationships name none. */
export const DEFAULT_MAIN_PART = 'word/document.xml';

/** Relationship type URIs: transitional and Strict OOXML, both ending in the type's name. */
const TRANSITIONAL_TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_TYPES = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

const RELATIONSHIP_TAG = /<(?:[A-Za-z_][\w.-]*:)?Relationship\b([^>]*)>/gu;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/giu, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The relationships of a .rels part, in document order. */
export function readRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  RELATIONSHIP_TAG.lastIndex = 0;
  for (let m = RELATIONSHIP_TAG.exec(xml); m; m = RELATIONSHIP_TAG.exec(xml)) {
    const attrs: Record<string, string> = {};
    ATTRIBUTE.lastIndex = 0;
    for (let a = ATTRIBUTE.exec(m[1]!); a; a = ATTRIBUTE.exec(m[1]!)) attrs[a[1]!.replace(/^.*:/u, '')] = unescapeXml(a[2] ?? a[3] ?? '');
    if (attrs.Type === undefined || attrs.Target === undefined) continue;
    out.push({ type: attrs.Type, target: attrs.Target, external: (attrs.TargetMode ?? '').toLowerCase() === 'external' });
  }
  return out;
}

/** Whether a relationship type URI is the named OOXML type, transitional or Strict. */
export function isRelationshipType(type: string, name: string): boolean {
  return type === TRANSITIONAL_TYPES + name || type === STRICT_TYPES + name;
}

/** A Strict relationship type URI rewritten to its transitional equivalent (others unchanged). */
export function transitionalRelationshipType(type: string): string {
  return type.startsWith(STRICT_TYPES) ? TRANSITIONAL_TYPES + type.slice(STRICT_TYPES.length) : type;
}

/** The part name a relationship target points to, from the folder of the source part ('' for the package). */
export function resolveTarget(baseFolder: string, target: string): string {
  let path = target.split('#')[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // a target that is not valid percent-encoding is taken as it is written
  }
  const parts = path.startsWith('/') ? [] : baseFolder.split('/').filter(Boolean);
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** The folder of a part name ('word/document2.xml' → 'word'). */
export const folderOf = (part: string): string => part.slice(0, Math.max(0, part.lastIndexOf('/')));

/** The relationships part of a part ('word/document2.xml' → 'word/_rels/document2.xml.rels'). */
export function relationshipsPartOf(part: string): string {
  const folder = folderOf(part);
  return `${folder ? `${folder}/` : ''}_rels/${part.slice(folder ? folder.length + 1 : 0)}.rels`;
}

/**
 * The main document part: the first officeDocument relationship of `_rels/.rels` whose target exists,
 * else word/document.xml when it exists (what mammoth does too), else null.
 */
export function findMainPart(packageRels: string | null, exists: (part: string) => boolean): string | null {
  for (const rel of packageRels ? readRelationships(packageRels) : []) {
    if (rel.external || !isRelationshipType(rel.type, 'officeDocument')) continue;
    const part = resolveTarget('', rel.target);
    if (exists(part)) return part;
  }
  return exists(DEFAULT_MAIN_PART) ? DEFAULT_MAIN_PART : null;
}
