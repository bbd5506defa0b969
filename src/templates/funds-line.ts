import type { FundsLine, FundsSourceKey } from '../model/evaluation.js';

/** A funds line with every amount still unknown (null, never 0), for a template to fill in. */
export function emptyFundsLine(source: FundsSourceKey | null, label: string): FundsLine {
  return {
    role: source === 'total' ? 'total' : 'component',
    source,
    label,
    initialBudget: null,
    budget: null,
    arrived: null,
    executed: null,
    balance: null,
    rate: null,
    weight: null,
    score: null,
  };
}
