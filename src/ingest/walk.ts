import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, normalize, resolve } from 'node:path';

export type SkipReason = 'fifo' | 'socket' | 'character-device' | 'block-device' | 'special-file' | 'dangling-link';

export interface WalkSkipped {
  /** Hidden files and folders (name starting with "."), each counted once. */
  hidden: number;
  /** Office lock files (~$name.docx). */
  lockFiles: number;
  /** FIFOs, sockets and devices inside folders (never opened), links to them included. */
  specialFiles: number;
  /** Symbolic links inside folders that lead nowhere. */
  danglingLinks: number;
  /** Each special file and dangling link, with why it was skipped. */
  details: { file: string; reason: SkipReason }[];
}

/** Why a file system entry that is neither a folder nor a regular file is not an input. */
export function specialReason(info: Stats | Dirent): SkipReason {
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
}

export interface WalkOptions {
  /**
   * Keep explicit inputs that do not exist in `files`, so that processing records each as a failed
   * input (used for --files-from lists, where one stale line must not stop the batch).
   */
  keepMissing?: boolean;
  /** A folder never to walk into: the output folder, so that a run never reads its own outputs. */
  exclude?: string;
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
 * Expand files and folders (recursively) into a stable sorted list of files. Each folder is listed
 * once by its real path, so a symlink loop (or two links to one folder) cannot hang or repeat the
 * walk; symlinked folders are followed after everything else, so a folder is listed under its own
 * path when it is inside the inputs; a file reached by two paths is kept once.
 */
export async function walkInputs(inputs: string[], options: WalkOptions = {}): Promise<WalkResult> {
  const found = new Map<string, string>(); // path as shown → real path
  const skipped: WalkSkipped = { hidden: 0, lockFiles: 0, specialFiles: 0, danglingLinks: 0, details: [] };
  const skip = (file: string, reason: SkipReason) => {
    if (reason === 'dangling-link') skipped.danglingLinks++;
    else skipped.specialFiles++;
    skipped.details.push({ file, reason });
  };
  const missing: string[] = [];
  const unreadable: WalkResult['unreadable'] = [];
  const seenDirs = new Set<string>();
  /** Symlinked folders are walked last, so that a folder's own path wins over a link to it. */
  const linkedDirs: string[] = [];
  let stdin = false;

  const addFile = async (path: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      real = resolve(path);
    }
    found.set(path, real);
  };

  const visitDir = async (path: string): Promise<void> => {
    let real: string;
    let entries;
    try {
      real = await realpath(path);
      if (seenDirs.has(real) || real === options.exclude) return;
      seenDirs.add(real);
      entries = await readdir(path, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ path, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
      return;
    }
    entries.sort((a, b) => compareCodepoints(a.name, b.name));
    for (const entry of entries) {
      const child = join(path, entry.name);
      const kind = skipKind(child);
      if (kind) {
        skipped[kind]++;
        continue;
      }
      // Some file systems do not report entry types: then lstat says what the entry is.
      const known = entry.isDirectory() || entry.isFile() || entry.isSymbolicLink() || entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
      const info: Stats | Dirent | null = known ? entry : await lstat(child).catch(() => null);
      if (!info) continue; // gone since it was listed
      if (info.isDirectory()) await visitDir(child);
      else if (info.isFile()) await addFile(child);
      else if (info.isSymbolicLink()) {
        const target = await stat(child).catch(() => null);
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
    const path = normalize(input);
    const info = await stat(path).catch(() => null);
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
  const files = [...chosen.values()].sort(compareCodepoints);
  if (stdin) files.unshift('-');
  return { files, skipped, missing, unreadable };
}
