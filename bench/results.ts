/** Summaries, ratios, targets and the Markdown table of a benchmark run. */
import { stats, type Stats } from './measure.js';

export interface Sample {
  docs: number;
  seconds: number;
  cpuSeconds: number | null;
  maxRssKb: number | null;
  treeHwmKb: number | null;
  processes: number | null;
  failed: number | null;
  /** Mean per-document stage times from the manifest (CLI runs only). */
  stagesMs: Record<string, number> | null;
}

export interface MeasurementInput {
  id: string;
  label: string;
  samples: Sample[];
  note?: string;
}

export interface Measurement extends MeasurementInput {
  docs: number;
  seconds: Stats | null;
  docsPerSecond: Stats | null;
  msPerDoc: number | null;
  cpuSeconds: Stats | null;
  docsPerCpuSecond: number | null;
  maxRssMb: Stats | null;
  /** Median over runs of the mean per-document time of each pipeline stage (ms). */
  stagesMs: Record<string, number> | null;
}

export interface Target {
  id: string;
  description: string;
  value: number | null;
  threshold: string;
  met: boolean | null;
}

export interface Results {
  generatedAt: string;
  params: Record<string, unknown>;
  machine: Record<string, unknown>;
  measurements: Measurement[];
  rss: Record<string, { docs: number; seconds: number; docsPerSecond: number; peakRssMb: number | null; maxRssMb: number | null; treeHwmMb: number | null; processes: number | null; failed: number | null }>;
  ratios: Record<string, number | null>;
  /**
   * The same ratios run by run: each round measures every path back to back, so drift in the machine's
   * speed (it is shared) hits both sides of a pair alike. Median and min–max over the rounds.
   */
  paired?: Record<string, Stats | null>;
  targets: Target[];
}

/**
 * Per-round ratios of throughput (docs/s of `a` over `b` in the same round), and per round the scaling of
 * the pipeline relative to mammoth's: (--jobs 2 / --jobs 1) / (mammoth in two processes / alone).
 */
export function pairedRatios(measurements: { id: string; samples: Sample[] }[]): Record<string, Stats | null> {
  const runs = (id: string) => measurements.find((m) => m.id === id)?.samples ?? [];
  const perRound = (a: string, b: string): number[] | null => {
    const [x, y] = [runs(a), runs(b)];
    if (x.length === 0 || x.length !== y.length) return null;
    return x.map((s, i) => s.docs / s.seconds / (y[i]!.docs / y[i]!.seconds));
  };
  const pair = (a: string, b: string): Stats | null => {
    const r = perRound(a, b);
    return r ? roundStats(stats(r), 3) : null;
  };
  const jobs = perRound('jobs2', 'jobs1');
  const mammoth = perRound('mammoth2', 'mammoth');
  const scaling = jobs && mammoth && jobs.length === mammoth.length ? roundStats(stats(jobs.map((j, i) => j / mammoth[i]!)), 3) : null;
  return {
    textVsFloor: pair('text', 'floor'),
    pipelineVsMammothPerCore: pair('jobs1', 'mammoth'),
    scalingVsMammoth: scaling,
    jobs2VsJobs1: pair('jobs2', 'jobs1'),
    mammothTwoVsOne: pair('mammoth2', 'mammoth'),
  };
}

const MB = 1000 * 1000;
const kbToMb = (kb: number | null) => (kb === null ? null : round((kb * 1024) / MB, 1));

export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

const roundStats = (s: Stats, digits = 2): Stats => ({ median: round(s.median, digits), min: round(s.min, digits), max: round(s.max, digits) });

function summarise(m: MeasurementInput): Measurement {
  const s = m.samples;
  if (s.length === 0) return { ...m, docs: 0, seconds: null, docsPerSecond: null, msPerDoc: null, cpuSeconds: null, docsPerCpuSecond: null, maxRssMb: null, stagesMs: null };
  const docs = s[0]!.docs;
  const seconds = stats(s.map((x) => x.seconds));
  const cpu = s.every((x) => x.cpuSeconds !== null) ? stats(s.map((x) => x.cpuSeconds!)) : null;
  const rss = s.every((x) => x.maxRssKb !== null) ? stats(s.map((x) => kbToMb(x.maxRssKb)!)) : null;
  return {
    ...m,
    docs,
    seconds: roundStats(seconds, 3),
    // Throughput per run, so min–max are real runs (the slowest run gives the minimum).
    docsPerSecond: roundStats(stats(s.map((x) => x.docs / x.seconds)), 2),
    msPerDoc: round((seconds.median * 1000) / docs, 2),
    cpuSeconds: cpu ? roundStats(cpu, 2) : null,
    docsPerCpuSecond: cpu ? round(docs / cpu.median, 2) : null,
    maxRssMb: rss,
    stagesMs: stageMedians(s),
  };
}

function stageMedians(samples: Sample[]): Record<string, number> | null {
  if (samples.some((x) => x.stagesMs === null)) return null;
  const keys = [...new Set(samples.flatMap((x) => Object.keys(x.stagesMs!)))];
  return Object.fromEntries(keys.map((k) => [k, round(stats(samples.map((x) => x.stagesMs![k] ?? 0)).median, 2)]));
}

export function buildResults(input: {
  params: Record<string, unknown>;
  machine: Record<string, unknown>;
  measurements: MeasurementInput[];
  rss: Record<string, Sample>;
}): Results {
  const measurements = input.measurements.map(summarise);
  const rate = (id: string) => measurements.find((m) => m.id === id)?.docsPerSecond?.median ?? null;
  const msPerDoc = (id: string) => measurements.find((m) => m.id === id)?.msPerDoc ?? null;
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : round(a / b, 3));

  const rss: Results['rss'] = {};
  for (const [n, s] of Object.entries(input.rss)) {
    // Worker threads share their process: one process means its ru_maxrss is the whole tree's peak.
    const peakKb = s.processes !== null && s.processes > 1 ? s.treeHwmKb : (s.maxRssKb ?? s.treeHwmKb);
    rss[n] = {
      docs: s.docs,
      seconds: round(s.seconds, 1),
      docsPerSecond: round(s.docs / s.seconds, 2),
      peakRssMb: kbToMb(peakKb),
      maxRssMb: kbToMb(s.maxRssKb),
      treeHwmMb: kbToMb(s.treeHwmKb),
      processes: s.processes,
      failed: s.failed,
    };
  }
  const sizes = Object.keys(rss).map(Number).sort((a, b) => a - b);
  const small = sizes.length > 1 ? rss[String(sizes[0])]!.peakRssMb : null;
  const large = sizes.length > 0 ? rss[String(sizes[sizes.length - 1])]!.peakRssMb : null;

  const rssLargeVsSmall = sizes.length > 1 ? ratio(large, small) : null;
  const jobs2VsJobs1 = ratio(rate('jobs2'), rate('jobs1'));
  const mammothTwoVsOne = ratio(rate('mammoth2'), rate('mammoth'));
  const ratios: Record<string, number | null> = {
    textVsFloor: ratio(rate('text'), rate('floor')),
    pipelineVsMammothPerCore: ratio(rate('jobs1'), rate('mammoth')),
    jobs2VsJobs1,
    /** Context for the line above: the same ratio for mammoth alone (two processes / one). */
    mammothTwoVsOne,
    /** What --jobs 2 gains relative to what mammoth alone gains from a second process. */
    scalingVsMammoth: ratio(jobs2VsJobs1, mammothTwoVsOne),
    textVsDocx: ratio(rate('text'), rate('jobs1')),
    /** A reference only (no target): pandoc time per document / selfeval --jobs 1. */
    pandocVsSelfevalPerDoc: ratio(msPerDoc('pandoc'), msPerDoc('jobs1')),
    rssLargeVsSmall,
  };
  const paired = pairedRatios(input.measurements);
  // The throughput targets are read on the paired medians (each round's paths ran back to back); the
  // ratio of medians stands in only when the rounds cannot be paired.
  const target = (key: string) => paired[key]?.median ?? ratios[key] ?? null;
  const check = (v: number | null, ok: (x: number) => boolean) => (v === null ? null : ok(v));
  const largest = sizes.length > 0 ? sizes[sizes.length - 1] : null;
  const targets: Target[] = [
    { id: 'text-vs-floor', description: 'text path (--jobs 1) throughput / floor (unzip + SAX), paired median', value: target('textVsFloor'), threshold: '≥ 0.5', met: check(target('textVsFloor'), (x) => x >= 0.5) },
    { id: 'pipeline-vs-mammoth', description: 'docx pipeline (--jobs 1) throughput / mammoth alone, paired median', value: target('pipelineVsMammothPerCore'), threshold: '≥ 1.0', met: check(target('pipelineVsMammothPerCore'), (x) => x >= 1.0) },
    {
      id: 'jobs-scaling',
      description: '(--jobs 2 / --jobs 1) / (mammoth two processes / one), paired median',
      value: target('scalingVsMammoth'),
      threshold: '≥ 0.95',
      met: check(target('scalingVsMammoth'), (x) => x >= 0.95),
    },
    {
      id: 'rss-growth',
      description: sizes.length > 1 ? `peak RSS at N=${largest} / at N=${sizes[0]}` : 'peak RSS growth (needs two memory runs, BENCH_RSS_N)',
      value: rssLargeVsSmall,
      threshold: '≤ 1.1',
      met: check(rssLargeVsSmall, (x) => x <= 1.1),
    },
    {
      id: 'rss-ceiling',
      description: largest !== null ? `peak RSS at N=${largest} (MB)` : 'peak RSS (no memory run, BENCH_RSS_N)',
      value: large === null ? null : Math.round(large),
      threshold: '< 400',
      met: check(large, (x) => x < 400),
    },
  ];
  return { generatedAt: new Date().toISOString(), params: input.params, machine: input.machine, measurements, rss, ratios, paired, targets };
}

const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '–' : v.toFixed(digits));
const range = (s: Stats | null, digits = 1) => (s ? `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})` : '–');

export function renderMarkdown(r: Results): string {
  const lines: string[] = [];
  const families = r.params.families as Record<string, number> | undefined;
  const mix = families ? ` (${Object.entries(families).map(([k, v]) => `${v} ${k === 'mof' ? 'MoF' : k === 'hunan' ? 'Hunan' : k}`).join(', ')})` : '';
  lines.push(`Corpus: ${String(r.params.n)} generated documents per format${mix}, seed ${String(r.params.seed)}; ${String(r.params.runs)} runs each; ${String(r.machine.cpus)} CPUs (${String(r.machine.cpuModel)}), Node ${String(r.machine.node)}${r.machine.commit ? `; commit ${String(r.machine.commit)}` : ''}; load average before/after ${JSON.stringify(r.machine.loadBefore)} / ${JSON.stringify(r.machine.loadAfter)}.`, '');
  lines.push('| path | docs/run | docs/s, median (min–max) | ms/doc | CPU s/run | docs per CPU-s | peak RSS MB |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const m of r.measurements) {
    if (m.samples.length === 0) {
      lines.push(`| ${m.label} | – | ${m.note ?? 'not measured'} | – | – | – | – |`);
      continue;
    }
    lines.push(`| ${m.label} | ${m.docs} | ${range(m.docsPerSecond)} | ${fmt(m.msPerDoc)} | ${fmt(m.cpuSeconds?.median ?? null, 2)} | ${fmt(m.docsPerCpuSecond)} | ${fmt(m.maxRssMb?.median ?? null, 0)} |`);
  }
  const staged = r.measurements.filter((m) => m.stagesMs);
  if (staged.length > 0) {
    const keys = [...new Set(staged.flatMap((m) => Object.keys(m.stagesMs!)))];
    lines.push('', `| stage, mean ms/doc (from the manifest) | ${keys.join(' | ')} | total | wall ms/doc |`, `|---|${keys.map(() => '---:').join('|')}|---:|---:|`);
    for (const m of staged) {
      const v = keys.map((k) => m.stagesMs![k] ?? 0);
      lines.push(`| ${m.label} | ${v.map((x) => fmt(x)).join(' | ')} | ${fmt(v.reduce((a, b) => a + b, 0))} | ${fmt(m.msPerDoc)} |`);
    }
  }
  if (Object.keys(r.rss).length > 0) {
    lines.push('', '| memory run (docx, --jobs 2) | seconds | docs/s | peak RSS MB | processes |', '|---|---:|---:|---:|---:|');
    for (const [n, s] of Object.entries(r.rss)) lines.push(`| N = ${n} | ${fmt(s.seconds)} | ${fmt(s.docsPerSecond)} | ${fmt(s.peakRssMb, 0)} | ${s.processes ?? '–'} |`);
  }
  lines.push('', '| target | value | wanted | met |', '|---|---:|---:|:---:|');
  for (const t of r.targets) lines.push(`| ${t.description} | ${fmt(t.value, 2)} | ${t.threshold} | ${t.met === null ? 'n/a' : t.met ? 'yes' : 'no'} |`);
  const p = r.paired;
  if (p) {
    const show = (s: Stats | null | undefined) => (s ? range(s, 2) : '–');
    lines.push(
      '',
      `Paired round by round (median, min–max): text --jobs 1/floor ${show(p.textVsFloor)}; docx --jobs 1/mammoth alone ${show(p.pipelineVsMammothPerCore)}; (--jobs 2/--jobs 1)/(mammoth two processes/one) ${show(p.scalingVsMammoth)}, of which --jobs 2/--jobs 1 ${show(p.jobs2VsJobs1)} and mammoth two processes/one ${show(p.mammothTwoVsOne)}.`,
    );
  }
  const ceiling = p?.mammothTwoVsOne?.median ?? r.ratios.mammothTwoVsOne;
  if (ceiling !== null && ceiling !== undefined) {
    lines.push('', `Two cores for mammoth alone (two processes at once / one${p?.mammothTwoVsOne ? ', paired median' : ''}): ${fmt(ceiling, 2)}× — the machine's own ceiling for --jobs 2 / --jobs 1 on this work.`);
  }
  lines.push('');
  return lines.join('\n');
}
