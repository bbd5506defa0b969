import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';

/** The input path as shown to users: relative to the working folder when inside it, "/" separators. */
export function displayPath(path: string, cwd = process.cwd()): string {
  if (path === '-') return '-';
  const rel = relative(cwd, path);
  const shown = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return shown.split(sep).join('/');
}

/** How a document read from standard input is named in the outputs. */
export const STDIN_FILE = '<stdin>';

const UNSAFE = /[\u0000-\u001f<>:"|?*\\]/gu;

/**
 * A file name for reports/<name>.json and html/<name>.html that can never leave the output folder:
 * the display path flattened to one segment, with ".." and unsafe characters neutralised.
 */
export function outputName(file: string): string {
  if (file === '-' || file === STDIN_FILE) return 'stdin';
  const segments = file
    .replace(/^[a-zA-Z]:/u, '')
    .split(/[/\\]+/u)
    .filter((s) => s !== '' && s !== '.')
    .map((s) => (s === '..' ? '_up_' : s.replace(UNSAFE, '_')));
  const name = segments.join('__').replace(/^\.+/u, '_');
  return name === '' ? 'unnamed' : fitName(name);
}

/** File systems cap a name at 255 bytes; leave room for ".json"/".html" and a temp suffix. */
const MAX_NAME_BYTES = 150;

/** Keep the end of a long name (the file's own name) and make it unique with a hash of the whole. */
function fitName(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10);
  const chars = [...name];
  let tail = '';
  for (let i = chars.length - 1; i >= 0 && Buffer.byteLength(chars[i]! + tail) <= MAX_NAME_BYTES - 12; i--) tail = chars[i]! + tail;
  return `${hash}~${tail.replace(/^\.+/u, '_')}`;
}
