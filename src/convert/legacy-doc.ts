/**
 * Legacy Word 97–2003 .doc: converted to .docx by LibreOffice (`soffice --headless --convert-to docx`)
 * in a private temp folder with a time limit, then read by the docx converter. Without LibreOffice the
 * file fails with `legacy-doc-needs-libreoffice` (the message tells the user how to install it).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ole2Kind, unsupported } from '../ingest/formats.js';
import { classifyOle2, readOle2Directory } from '../ingest/sniff.js';
import { DocumentError } from '../model/errors.js';
import { convertDocx, type DocxConversion, type DocxOptions } from './docx/index.js';

export interface LegacyDocOptions extends DocxOptions {
  /** Time limit for LibreOffice, in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Path of the soffice executable; default: looked up on PATH. `null` forces "not installed". */
  soffice?: string | null;
  /** Folder for the temp working folder (default: the OS temp folder). */
  tmpDir?: string;
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

/** .doc bytes → .docx bytes through LibreOffice. */
export async function legacyDocToDocx(bytes: Uint8Array, options: LegacyDocOptions = {}): Promise<Uint8Array> {
  const kind = classifyOle2(bytes);
  if (kind === 'encrypted') throw new DocumentError('encrypted-document');
  if (kind !== 'doc') throw unsupported(ole2Kind(readOle2Directory(bytes)?.entries.map((e) => e.name) ?? []));
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
  if (!soffice) throw new DocumentError('legacy-doc-needs-libreoffice');

  const work = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'selfeval-doc-'));
  try {
    const input = join(work, 'input.doc');
    const outDir = join(work, 'out');
    await writeFile(input, bytes);
    const args = [
      // A private profile: parallel conversions must not share (and lock) the user's profile.
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'docx',
      '--outdir',
      outDir,
      input,
    ];
    let result: Awaited<ReturnType<typeof run>>;
    try {
      result = await run(soffice, args, options.timeoutMs ?? 60_000);
    } catch (e) {
      throw new DocumentError('legacy-doc-needs-libreoffice', { zh: `无法运行 ${soffice}（${(e as Error).message}）`, en: `${soffice} cannot be run (${(e as Error).message})` });
    }
    if (result.timedOut) throw new DocumentError('timeout', { zh: 'LibreOffice 转换超时', en: 'LibreOffice conversion' });
    const produced = (await readdir(outDir).catch(() => [] as string[])).find((f) => f.toLowerCase().endsWith('.docx'));
    if (!produced) {
      const why = result.stderr.trim().split('\n').slice(-1)[0] ?? '';
      throw new DocumentError('corrupt-zip', { zh: `LibreOffice 无法转换此 .doc（退出码 ${result.code}${why ? `；${why}` : ''}）`, en: `LibreOffice could not convert the .doc (exit ${result.code})${why ? `: ${why}` : ''}` });
    }
    return new Uint8Array(await readFile(join(outDir, produced)));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** .doc → HTML: LibreOffice to .docx, then the docx converter (same messages, same table fixes). */
export async function convertLegacyDoc(bytes: Uint8Array, options: LegacyDocOptions = {}): Promise<DocxConversion> {
  return convertDocx(await legacyDocToDocx(bytes, options), options);
}
