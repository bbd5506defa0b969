/** Building finding locations from model values. */
import type { FindingLocation } from '../model/finding.js';
import type { SourceRef } from '../model/source.js';

interface Located {
  raw: string;
  src: SourceRef;
}

/** A location: the JSON Pointer of the value plus where it sits in the source and its text. */
export function loc(path: string, value: Located | null | undefined, extra: Partial<FindingLocation> = {}): FindingLocation {
  const out: FindingLocation = { path };
  if (value) {
    Object.assign(out, value.src);
    const text = value.raw.trim();
    if (text !== '') out.text = text;
  }
  return { ...out, ...extra };
}

/** RFC 6901 pointer from path segments. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/gu, '~0').replace(/\//gu, '~1')}`).join('');
}
