/**
 * LibreOffice as a converter of legacy Office files (.doc → .docx, .xls → .xlsx): one headless run per
 * file in a private temp folder (its own profile, so parallel runs never share or lock one), with a
 * time limit that kills the whole process group.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorCode } from '../model/document.js';
import { DocumentError } from '../model/errors.js';

export interface SofficeOptions {
  /** Time limit for LibreOffice, in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Path of the soffice executable; default: looked up on PATH. `null` forces "not installed". */
  soffice?: string | null;
  /** Folder for the temp working folder (default: the OS temp folder). */
  tmpDir?: string;
}

export interface SofficeJob {
  /** Extension of the input file, e.g. 'doc'. */
  from: string;
  /** LibreOffice's --convert-to target and the extension of the output, e.g. 'docx'. */
  to: string;
  /** The code when LibreOffice is not installed (or cannot be started). */
  missing: ErrorCode;
  /**
   * The LibreOffice component the conversion needs, by its library's base name (Writer: 'swlo', Calc:
   * 'sclo'). A minimal install (libreoffice-writer-nogui) has no Calc, and soffice then fails with a
   * bare "source file could not be loaded" that reads like a corrupt file.
   */
  component?: { library: string; name: string };
}

/**
 * Whether the LibreOffice installation of `soffice` has a component, by its library next to the real
 * soffice binary; true when that cannot be told (an unusual layout), so that soffice decides.
 */
export function sofficeHasComponent(soffice: string, library: string): boolean {
  let program: string;
  try {
    program = dirname(realpathSync(soffice));
  } catch {
    return true;
  }
  const names = [`lib${library}.so`, `lib${library}.dylib`, `${library}.dll`];
  // The core library marks a LibreOffice program folder; elsewhere (a wrapper script) soffice decides.
  const core = ['libmergedlo.so', 'libmergedlo.dylib', 'mergedlo.dll'];
  if (!core.some((n) => existsSync(join(program, n)))) return true;
  return names.some((n) => existsSync(join(program, n)));
}

const NAMES = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];

/** The soffice executable on PATH, or null. */
export function findSoffice(pathEnv: string | undefined = process.env.PATH): string | null {
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of NAMES) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // detached: soffice forks soffice.bin; on timeout the whole process group is killed.
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}

/** Converts bytes with LibreOffice; returns the converted file's bytes. */
export async function convertWithSoffice(bytes: Uint8Array, job: SofficeJob, options: SofficeOptions = {}): Promise<Uint8Array> {
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
  if (!soffice) throw new DocumentError(job.missing);
  if (job.component && !sofficeHasComponent(soffice, job.component.library)) {
    throw new DocumentError(job.missing, { zh: `已安装的 LibreOffice 缺少 ${job.component.name} 组件`, en: `the installed LibreOffice has no ${job.component.name}` });
  }

  const work = await mkdtemp(join(options.tmpDir ?? tmpdir(), `selfeval-${job.from}-`));
  try {
    const input = join(work, `input.${job.from}`);
    const outDir = join(work, 'out');
    await writeFile(input, bytes);
    const args = [
      // A private profile: parallel conversions must not share (and lock) the user's profile.
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      job.to,
      '--outdir',
      outDir,
      input,
    ];
    let result: Awaited<ReturnType<typeof run>>;
    try {
      result = await run(soffice, args, options.timeoutMs ?? 60_000);
    } catch (e) {
      throw new DocumentError(job.missing, `${soffice}: ${(e as Error).message}`);
    }
    if (result.timedOut) throw new DocumentError('timeout', { zh: 'LibreOffice 转换超时', en: 'LibreOffice conversion' });
    const produced = (await readdir(outDir).catch(() => [] as string[])).find((f) => f.toLowerCase().endsWith(`.${job.to}`));
    if (!produced) {
      const why = result.stderr.trim().split('\n').slice(-1)[0] ?? '';
      throw new DocumentError('corrupt-zip', `LibreOffice could not convert the .${job.from} (exit ${result.code})${why ? `: ${why}` : ''}`);
    }
    return new Uint8Array(await readFile(join(outDir, produced)));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
