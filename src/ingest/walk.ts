import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, normalize, resolve } from 'node:path';

export type SkipReason = 'fifo' | 'socket' | 'character-device' | 'block-device' | 'special-file' | 'dangling-link' | 'output-folder';

export interface WalkSkipped {
  /** Hidden files and folders (name starting with "."), each counted once. */
  hidden: number;
  /** Office lock files (~$name.docx). */
  lockFiles: number;
  /** FIFOs, sockets and devices inside folders (never opened), links to them included. */
  specialFiles: number;
  /** Symbolic links inside folders that lead nowhere. */
  danglingLinks: number;
  /** Output folders of earlier runs (holding `outputMarker`), not walked into. */
  outputFolders?: number;
  /** Each special file and dangling link, with why it was skipped. */
  details: { file: string; reason: SkipReason }[];
  /** Folders that could not be listed (set by the command line from WalkResult.unreadable). */
  unreadableFolders?: { folder: string; reason: string }[];
}

/** Why a file system entry that is neither a folder nor a regular file is not an input. */
export function specialReason(info: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): SkipReason {
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character-device';
  if (info.isBlockDevice()) return 'block-device';
  return 'special-file';
}

export interface WalkResult {
  /** Files to process, each once, in stable sorted (code point) order; "-" is stdin. */
  files: string[];
  skipped: WalkSkipped;
  /**
   * Explicit inputs that do not exist (kept in `files` instead with `keepMissing`). A FIFO, socket or
   * device named explicitly is kept in `files`: reading refuses it (not-a-regular-file), so it is a
   * failed input in the manifest rather than a silent omission.
   */
  missing: string[];
  /** Folders that could not be listed (permissions), with the reason. */
  unreadable: { path: string; reason: string }[];
  /**
   * Paths whose bytes are not valid UTF-8: they appear in `files` escaped (each invalid byte as \xHH),
   * and are opened by the bytes kept here.
   */
  byteNames: Map<string, Uint8Array>;
}

export interface WalkOptions {
  /**
   * Keep explicit inputs that do not exist in `files`, so that processing records each as a failed
   * input (used for --files-from lists, where one stale line must not stop the batch).
   */
  keepMissing?: boolean;
  /** A folder never to walk into: the output folder, so that a run never reads its own outputs. */
  exclude?: string;
  /**
   * The name of the state folder a run leaves in its output folder: a folder holding it is an earlier
   * run's output (reports, audit pages, a workbook), never inputs, and is skipped with a note.
   */
  outputMarker?: string;
}

/** Office lock files (~$name.docx) and hidden files are not reports. */
export function skipKind(path: string): 'hidden' | 'lockFiles' | null {
  const name = basename(path);
  if (name.startsWith('~$')) return 'lockFiles';
  if (name.startsWith('.')) return 'hidden';
  return null;
}

export function compareCodepoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Paths are walked as byte strings (each byte one latin1 character): a name that is not valid UTF-8
 * can then be listed, opened and told apart from others, which a decoded (lossy) string cannot do.
 * Path operations are safe on them: "/" and "." never occur inside a UTF-8 sequence.
 */
const toBytes = (path: string): string => Buffer.from(path, 'utf8').toString('latin1');
const fsPath = (bytes: string): Buffer => Buffer.from(bytes, 'latin1');

/** Each byte of an invalid UTF-8 sequence as \xHH; everything else as it decodes. */
export function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    let j = i;
    while (j < bytes.length) {
      const len = utf8SequenceLength(bytes, j);
      if (len === 0) break;
      j += len;
    }
    out += Buffer.from(bytes.subarray(i, j)).toString('utf8');
    if (j < bytes.length) out += `\\x${bytes[j]!.toString(16).toUpperCase().padStart(2, '0')}`;
    i = j + 1;
  }
  return out;
}

/** Length of the valid UTF-8 sequence at i (0 if invalid). */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const [len, min, max] = c >= 0xc2 && c <= 0xdf ? [2, 0x80, 0xbf] : c === 0xe0 ? [3, 0xa0, 0xbf] : c >= 0xe1 && c <= 0xef ? [3, 0x80, c === 0xed ? 0x9f : 0xbf] : c === 0xf0 ? [4, 0x90, 0xbf] : c >= 0xf1 && c <= 0xf3 ? [4, 0x80, 0xbf] : c === 0xf4 ? [4, 0x80, 0x8f] : [0, 0, 0];
  if (len === 0 || i + len > b.length) return 0;
  if (b[i + 1]! < min || b[i + 1]! > max) return 0;
  for (let k = 2; k < len; k++) if (b[i + k]! < 0x80 || b[i + k]! > 0xbf) return 0;
  return len;
}

/**
 * Expand files and folders (recursively) into a stable sorted list of files. Each folder is listed
 * once by its real path, so a symlink loop (or two links to one folder) cannot hang or repeat the
 * walk; symlinked folders are followed after everything else, so a folder is listed under its own
 * path when it is inside the inputs; a file reached by two paths is kept once.
 */
export async function walkInputs(inputs: string[], options: WalkOptions = {}): Promise<WalkResult> {
  const found = new Map<string, string>(); // path → real path (byte strings)
  const skipped: WalkSkipped = { hidden: 0, lockFiles: 0, specialFiles: 0, danglingLinks: 0, details: [] };
  const byteNames = new Map<string, Uint8Array>();
  /** A byte-string path as the rest of the program sees it (escaped, and kept in `byteNames`, when not UTF-8). */
  const shown = (path: string): string => {
    const bytes = fsPath(path);
    const text = bytes.toString('utf8');
    if (Buffer.from(text, 'utf8').equals(bytes)) return text;
    const escaped = escapeBytes(bytes);
    byteNames.set(escaped, new Uint8Array(bytes));
    return escaped;
  };
  const skip = (file: string, reason: SkipReason) => {
    if (reason === 'dangling-link') skipped.danglingLinks++;
    else skipped.specialFiles++;
    skipped.details.push({ file: shown(file), reason });
  };
  const missing: string[] = [];
  const unreadable: WalkResult['unreadable'] = [];
  const seenDirs = new Set<string>();
  /** Symlinked folders are walked last, so that a folder's own path wins over a link to it. */
  const linkedDirs: string[] = [];
  const exclude = options.exclude === undefined ? undefined : toBytes(options.exclude);
  const realBytes = async (path: string): Promise<string> => (await realpath(fsPath(path), { encoding: 'buffer' })).toString('latin1');
  let stdin = false;

  const addFile = async (path: string): Promise<void> => {
    found.set(path, await realBytes(path).catch(() => resolve(path)));
  };

  const visitDir = async (path: string): Promise<void> => {
    let entries: Dirent<Buffer>[];
    try {
      const real = await realBytes(path);
      if (seenDirs.has(real) || real === exclude) return;
      seenDirs.add(real);
      entries = await readdir(fsPath(path), { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      unreadable.push({ path: shown(path), reason: (e as NodeJS.ErrnoException).code ?? String(e) });
      return;
    }
    const named = entries.map((entry) => ({ entry, name: entry.name.toString('latin1') }));
    if (options.outputMarker !== undefined && named.some(({ entry, name }) => name === options.outputMarker && entry.isDirectory())) {
      skipped.outputFolders = (skipped.outputFolders ?? 0) + 1;
      skipped.details.push({ file: shown(path), reason: 'output-folder' });
      return;
    }
    named.sort((a, b) => compareCodepoints(a.name, b.name));
    for (const { entry, name } of named) {
      const child = join(path, name);
      const kind = skipKind(child);
      if (kind) {
        skipped[kind]++;
        continue;
      }
      // Some file systems do not report entry types: then lstat says what the entry is.
      const known = entry.isDirectory() || entry.isFile() || entry.isSymbolicLink() || entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
      const info: Stats | Dirent<Buffer> | null = known ? entry : await lstat(fsPath(child)).catch(() => null);
      if (!info) continue; // gone since it was listed
      if (info.isDirectory()) await visitDir(child);
      else if (info.isFile()) await addFile(child);
      else if (info.isSymbolicLink()) {
        const target = await stat(fsPath(child)).catch(() => null);
        if (!target) skip(child, 'dangling-link');
        else if (target.isDirectory()) linkedDirs.push(child);
        else if (target.isFile()) await addFile(child);
        else skip(child, specialReason(target));
      } else skip(child, specialReason(info));
    }
  };

  for (const input of inputs) {
    if (input === '-') {
      stdin = true;
      continue;
    }
    const path = toBytes(normalize(input));
    const info = await stat(fsPath(path)).catch(() => null);
    if (!info) {
      if (options.keepMissing) found.set(path, resolve(path));
      else missing.push(input);
    } else if (info.isDirectory()) await visitDir(path);
    else await addFile(path);
  }
  while (linkedDirs.length > 0) await visitDir(linkedDirs.shift()!);

  // One path per real file: its own path when listed, else the first link to it in sorted order.
  const chosen = new Map<string, string>();
  for (const path of [...found.keys()].sort(compareCodepoints)) {
    const real = found.get(path)!;
    const current = chosen.get(real);
    if (current === undefined || (resolve(current) !== real && resolve(path) === real)) chosen.set(real, path);
  }
  const files = [...chosen.values()].map(shown).sort(compareCodepoints);
  if (stdin) files.unshift('-');
  return { files, skipped, missing, unreadable, byteNames };
}
