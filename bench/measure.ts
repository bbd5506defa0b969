/**
 * Running a command and measuring it: wall time (from here), user/system CPU and the peak RSS (from GNU
 * time's wait4 rusage when /usr/bin/time exists), and optionally the peak RSS of the whole process tree
 * by polling /proc/<pid>/status VmHWM of every descendant (worker threads live in their process, so one
 * process is the whole tree unless something spawns children).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';
export const HAS_GNU_TIME = existsSync(GNU_TIME);
export const HAS_PROC = existsSync('/proc/self/status');

export interface ProcRun {
  wallSeconds: number;
  userSeconds: number | null;
  sysSeconds: number | null;
  /** ru_maxrss of the command (kB), from GNU time. */
  maxRssKb: number | null;
  /** Sum over the command's processes of their VmHWM (kB), when polled. */
  treeHwmKb: number | null;
  /** Processes seen in the tree (the command and its descendants), when polled. */
  processes: number | null;
  exitCode: number;
  stderrTail: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  pollTree?: boolean;
  pollMs?: number;
  /** Keep stdout (otherwise discarded). */
  captureStdout?: boolean;
}

function parentOf(pid: string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid … — comm may contain spaces and parentheses.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[1]);
  } catch {
    return null;
  }
}

function hwmKb(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Descendants of root (not root itself). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    const ppid = parentOf(name);
    if (ppid === null) continue;
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

let counter = 0;

export async function runMeasured(command: string, args: readonly string[], opts: RunOptions = {}): Promise<ProcRun & { stdout: string }> {
  const timeFile = join(tmpdir(), `selfeval-bench-time-${process.pid}-${counter++}.txt`);
  const [cmd, argv] = HAS_GNU_TIME ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, command, ...args]] : [command, [...args]];
  const start = process.hrtime.bigint();
  const child = spawn(cmd, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', opts.captureStdout ? 'pipe' : 'ignore', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-4000)));
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));

  const peaks = new Map<number, number>();
  const poll = () => {
    if (child.pid === undefined) return;
    // Under GNU time the command is time's child; without it, the spawned process is the command.
    const pids = HAS_GNU_TIME ? descendants(child.pid) : [child.pid, ...descendants(child.pid)];
    for (const pid of pids) {
      const kb = hwmKb(pid);
      if (kb !== null) peaks.set(pid, Math.max(kb, peaks.get(pid) ?? 0));
    }
  };
  const timer = opts.pollTree && HAS_PROC ? setInterval(poll, opts.pollMs ?? 200) : null;

  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (timer) clearInterval(timer);

  let userSeconds: number | null = null;
  let sysSeconds: number | null = null;
  let maxRssKb: number | null = null;
  if (HAS_GNU_TIME && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    const [, u, s, m] = last.split(' ').map(Number);
    if (u !== undefined && Number.isFinite(u)) userSeconds = u;
    if (s !== undefined && Number.isFinite(s)) sysSeconds = s;
    if (m !== undefined && Number.isFinite(m)) maxRssKb = m;
    rmSync(timeFile, { force: true });
  }
  const polled = opts.pollTree && HAS_PROC;
  return {
    wallSeconds,
    userSeconds,
    sysSeconds,
    maxRssKb,
    treeHwmKb: polled && peaks.size > 0 ? [...peaks.values()].reduce((a, b) => a + b, 0) : null,
    processes: polled ? peaks.size : null,
    exitCode,
    stderrTail: stderr.trim().split('\n').slice(-5).join('\n'),
    stdout,
  };
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export function stats(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error('no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]! };
}

export function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(join(dir, tool)));
}
