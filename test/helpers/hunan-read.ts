/** Reads a Hunan report's text dump and expects one evaluation of it (shared by the Hunan reading tests). */
import { expect } from 'vitest';
import type { Evaluation } from '../../src/model/evaluation.js';
import type { Finding } from '../../src/model/finding.js';
import type { HunanPart } from '../../src/model/hunan.js';
import { processDocument } from '../../src/process.js';
import { bytesOf } from './tika.js';

export type HunanEvaluation = Evaluation & { hunan: HunanPart };

export async function readHunanText(text: string): Promise<{ ev: HunanEvaluation; findings: Finding[] }> {
  const r = await processDocument({ bytes: bytesOf(text), file: 'report.txt' });
  expect(r.status).toBe('ok');
  expect(r.evaluations).toHaveLength(1);
  return { ev: r.evaluations[0] as HunanEvaluation, findings: r.findings };
}
