import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

export interface WalkResult {
  files: string[];
  skipped: { hidden: number; lockFiles: number };
  missing: string[];
}

/** Office lock files (~$name.docx) and hidden files are not reports. */
export function skipKind(path: string): 'hidden' | 'lockFiles' | null {
  const name = basename(path);
  if (name.startsWith('~$')) return 'lockFiles';
  if (name.startsWith('.')) return 'hidden';
  return null;
}

/**
 * Expand files and folders (recursively) into a stable sorted list of files. Symlinked folders are
 * followed once (by real path), so a link loop cannot hang the walk.
 */
export async function walkInputs(inputs: string[]): Promise<WalkResult> {
  const out = new Set<string>();
  const skipped = { hidden: 0, lockFiles: 0 };
  const missing: string[] = [];
  const seenDirs = new Set<string>();

  const visit = async (path: string, explicit: boolean): Promise<void> => {
    if (path === '-') {
      out.add('-');
      return;
    }
    let info;
    try {
      info = await stat(path);
    } catch {
      if (explicit) missing.push(path);
      return;
    }
    if (!explicit) {
      const kind = skipKind(path);
      if (kind) {
        skipped[kind]++;
        return;
      }
    }
    if (info.isDirectory()) {
      const real = await realpath(path);
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      const entries = (await readdir(path)).sort();
      for (const e of entries) await visit(join(path, e), false);
    } else if (info.isFile()) out.add(path);
  };
  for (const input of inputs) await visit(input, true);
  return { files: [...out].sort(compareCodepoints), skipped, missing };
}

export function compareCodepoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
