/**
 * Legacy Word 97–2003 .doc: converted to .docx by LibreOffice (`soffice --headless --convert-to docx`)
 * in a private temp folder with a time limit, then read by the docx converter. Without LibreOffice the
 * file fails with `legacy-doc-needs-libreoffice` (the message tells the user how to install it).
 */
import { ole2Kind, unsupported } from '../ingest/formats.js';
import { classifyOle2, readOle2Directory } from '../ingest/sniff.js';
import { DocumentError } from '../model/errors.js';
import { convertDocx, type DocxConversion, type DocxOptions } from './docx/index.js';
import { convertWithSoffice, type SofficeOptions } from './soffice.js';

export { findSoffice } from './soffice.js';

export interface LegacyDocOptions extends DocxOptions, SofficeOptions {}

/** .doc bytes → .docx bytes through LibreOffice. */
export async function legacyDocToDocx(bytes: Uint8Array, options: LegacyDocOptions = {}): Promise<Uint8Array> {
  const kind = classifyOle2(bytes);
  if (kind === 'encrypted') throw new DocumentError('encrypted-document');
  if (kind !== 'doc') throw unsupported(ole2Kind(readOle2Directory(bytes)?.entries.map((e) => e.name) ?? []));
  return convertWithSoffice(bytes, { from: 'doc', to: 'docx', missing: 'legacy-doc-needs-libreoffice' }, options);
}

/** .doc → HTML: LibreOffice to .docx, then the docx converter (same messages, same table fixes). */
export async function convertLegacyDoc(bytes: Uint8Array, options: LegacyDocOptions = {}): Promise<DocxConversion> {
  return convertDocx(await legacyDocToDocx(bytes, options), options);
}
