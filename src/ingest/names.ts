import { isAbsolute, relative, sep } from 'node:path';

/** The input path as shown to users: relative to the working folder when inside it, "/" separators. */
export function displayPath(path: string, cwd = process.cwd()): string {
  if (path === '-') return '-';
  const rel = relative(cwd, path);
  const shown = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return shown.split(sep).join('/');
}

const UNSAFE = /[\u0000-\u001f<>:"|?*\\]/gu;

/**
 * A file name for reports/<name>.json and html/<name>.html that can never leave the output folder:
 * the display path flattened to one segment, with ".." and unsafe characters neutralised.
 */
export function outputName(file: string): string {
  if (file === '-' || file === '<stdin>') return 'stdin';
  const segments = file
    .replace(/^[a-zA-Z]:/u, '')
    .split(/[/\\]+/u)
    .filter((s) => s !== '' && s !== '.')
    .map((s) => (s === '..' ? '_up_' : s.replace(UNSAFE, '_')));
  const name = segments.join('__').replace(/^\.+/u, '_');
  return name === '' ? 'unnamed' : name.slice(-200);
}
