/**
 * Views of an evaluation that several rules derive (its narrative sentences, indicator tree, funds lines):
 * each is computed once per evaluation, not once per rule. Evaluations are not changed once checking
 * starts, and the views are read-only to the rules.
 */
import type { Evaluation } from '../model/evaluation.js';

export function perEvaluation<T>(derive: (ev: Evaluation) => T): (ev: Evaluation) => T {
  const cache = new WeakMap<Evaluation, T>();
  return (ev) => {
    if (cache.has(ev)) return cache.get(ev)!;
    const value = derive(ev);
    cache.set(ev, value);
    return value;
  };
}
