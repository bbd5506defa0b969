/**
 * Where the time goes: run the built CLI under `node --cpu-prof` (main thread and any worker threads each
 * write a profile) and print the top self-time functions, and self and inclusive time per package or
 * source folder.
 *
 * Usage: node --import tsx bench/profile.ts [N=200] [docx|txt] [jobs=1]
 *        node --import tsx bench/profile.ts --read DIR   (summarise existing .cpuprofile files)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus/generate.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A package under node_modules, a folder of dist/, node's own code, or a V8 pseudo-frame. */
export function groupOf(frame: CallFrame): string {
  const url = frame.url;
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 14).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const dist = url.indexOf('/dist/');
  if (dist >= 0) {
    const parts = url.slice(dist + 6).split('/');
    return `selfeval:${parts.length > 1 ? parts.slice(0, -1).join('/') : parts[0]}`;
  }
  if (url.startsWith('node:')) return 'node-internals';
  if (url === '') return `(${frame.functionName || 'anonymous'})`;
  return url;
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + 14);
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url;
}

export interface ProfileSummary {
  totalMs: number;
  functions: { name: string; selfMs: number }[];
  groupsSelf: { name: string; ms: number }[];
  groupsInclusive: { name: string; ms: number }[];
}

export function summarise(profiles: CpuProfile[]): ProfileSummary {
  const fnSelf = new Map<string, number>();
  const groupSelf = new Map<string, number>();
  const groupIncl = new Map<string, number>();
  let total = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const p of profiles) {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    p.samples.forEach((id, i) => {
      const ms = (p.timeDeltas[i] ?? 0) / 1000;
      const node = byId.get(id);
      if (!node) return;
      if (node.callFrame.functionName === '(idle)') return;
      total += ms;
      const f = node.callFrame;
      add(fnSelf, `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`, ms);
      add(groupSelf, groupOf(f), ms);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const g = groupOf(byId.get(cur)!.callFrame);
        if (!seen.has(g)) {
          seen.add(g);
          add(groupIncl, g, ms);
        }
      }
    });
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total,
    functions: sorted(fnSelf).map(([name, selfMs]) => ({ name, selfMs })),
    groupsSelf: sorted(groupSelf).map(([name, ms]) => ({ name, ms })),
    groupsInclusive: sorted(groupIncl).map(([name, ms]) => ({ name, ms })),
  };
}

function readProfiles(dir: string): CpuProfile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile);
}

function print(s: ProfileSummary, top = 30): void {
  const pct = (ms: number) => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%`;
  const out: string[] = [`total sampled (non-idle) time: ${(s.totalMs / 1000).toFixed(2)} s`, '', 'top self time by function:'];
  for (const f of s.functions.slice(0, top)) out.push(`  ${pct(f.selfMs)} ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.name}`);
  out.push('', "top self time in selfeval's own code:");
  for (const f of s.functions.filter((x) => x.name.includes(' dist/')).slice(0, 20)) out.push(`  ${pct(f.selfMs)} ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.name}`);
  out.push('', 'self time by package / folder:');
  for (const g of s.groupsSelf.slice(0, 20)) out.push(`  ${pct(g.ms)} ${g.ms.toFixed(0).padStart(7)} ms  ${g.name}`);
  out.push('', 'inclusive time by package / folder (time with it on the stack):');
  for (const g of s.groupsInclusive.slice(0, 20)) out.push(`  ${pct(g.ms)} ${g.ms.toFixed(0).padStart(7)} ms  ${g.name}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--read') {
    print(summarise(readProfiles(process.argv[3]!)));
    return;
  }
  const n = Number(process.argv[2] ?? 200);
  const format = (process.argv[3] ?? 'docx') as 'docx' | 'txt';
  const jobs = process.argv[4] ?? '1';
  const work = mkdtempSync(join(tmpdir(), 'selfeval-profile-'));
  try {
    const corpus = generateCorpus({ dir: join(work, 'corpus'), n, formats: [format] });
    const profDir = join(work, 'prof');
    const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, join(ROOT, 'dist/cli/main.js'), '--quiet', '-o', join(work, 'out'), '--jobs', jobs, corpus.dirs[format]!], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0 && r.status !== 3) throw new Error(`selfeval exited with ${r.status}`);
    process.stdout.write(`${n} ${format} documents, --jobs ${jobs}; ${readdirSync(profDir).length} profile(s)\n`);
    print(summarise(readProfiles(profDir)));
  } finally {
    if (process.env.BENCH_KEEP === '1') process.stdout.write(`kept ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
