/** A model without provenance and raw text: what must agree across layouts and input formats. */
export function withoutProvenance(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutProvenance);
  if (x && typeof x === 'object') {
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k]) => k !== 'src' && k !== 'raw')
        .map(([k, v]) => [k, withoutProvenance(v)]),
    );
  }
  return x;
}
