import { describe, expect, it } from 'vitest';
import { buildResults, pairedRatios, type Sample } from '../../bench/results.js';

/** A sample of `docs` documents at `rate` docs/s (no timing is measured here: the numbers are given). */
const at = (rate: number, docs = 100): Sample => ({ docs, seconds: docs / rate, cpuSeconds: null, maxRssKb: null, treeHwmKb: null, processes: null, failed: 0, stagesMs: null });

// Three rounds; the machine is twice as fast in round 2, which pairing must cancel.
const rounds = (rates: number[]) => rates.map((r) => at(r));
const measurements = [
  { id: 'floor', label: 'floor', samples: rounds([200, 400, 190]) },
  { id: 'mammoth', label: 'mammoth', samples: rounds([30, 60, 28]) },
  { id: 'mammoth2', label: 'mammoth ×2', samples: rounds([45, 90, 42]) },
  { id: 'jobs1', label: 'jobs1', samples: rounds([30, 60, 21]) },
  { id: 'jobs2', label: 'jobs2', samples: rounds([42, 84, 33.6]) },
  { id: 'text', label: 'text', samples: rounds([100, 200, 57]) },
];

describe('bench ratios', () => {
  it('pairs each ratio round by round, the scaling as a ratio of the two gains', () => {
    const p = pairedRatios(measurements);
    expect(p.textVsFloor).toEqual({ median: 0.5, min: 0.3, max: 0.5 });
    expect(p.pipelineVsMammothPerCore).toEqual({ median: 1, min: 0.75, max: 1 });
    expect(p.jobs2VsJobs1).toEqual({ median: 1.4, min: 1.4, max: 1.6 });
    expect(p.mammothTwoVsOne).toEqual({ median: 1.5, min: 1.5, max: 1.5 });
    // (1.4 / 1.5, 1.4 / 1.5, 1.6 / 1.5)
    expect(p.scalingVsMammoth).toEqual({ median: 0.933, min: 0.933, max: 1.067 });
  });

  it('reads the throughput targets on the paired medians and the memory targets on the memory runs', () => {
    const r = buildResults({ params: {}, machine: {}, measurements, rss: { '1000': { ...at(50, 1000), maxRssKb: 300_000 }, '10000': { ...at(50, 10000), maxRssKb: 320_000 } } });
    const t = Object.fromEntries(r.targets.map((x) => [x.id, x]));
    expect(t['text-vs-floor']).toMatchObject({ value: 0.5, met: true });
    expect(t['pipeline-vs-mammoth']).toMatchObject({ value: 1, met: true });
    expect(t['jobs-scaling']).toMatchObject({ value: 0.933, met: false });
    expect(t['rss-growth']).toMatchObject({ value: 1.067, met: true });
    expect(t['rss-ceiling']).toMatchObject({ value: 328, met: true });
    expect(r.targets.map((x) => x.id)).not.toContain('vs-pandoc');
  });

  it('gives no paired ratio when a path was not measured in every round', () => {
    const p = pairedRatios(measurements.filter((m) => m.id !== 'floor'));
    expect(p.textVsFloor).toBeNull();
    expect(p.pipelineVsMammothPerCore).not.toBeNull();
  });
});
