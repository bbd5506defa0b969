import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { memoiseRuleParser } from '../../src/convert/docx/mammoth-load.js';

const require = createRequire(import.meta.url);

/** A fresh instance of mammoth's style reader, whatever another test has loaded or patched. */
function originalReader(): { readStyle: (rule: string) => unknown } {
  const path = require.resolve('mammoth/lib/style-reader.js');
  const cached = require.cache[path];
  delete require.cache[path];
  try {
    return require(path) as { readStyle: (rule: string) => unknown };
  } finally {
    if (cached) require.cache[path] = cached;
  }
}

describe("mammoth's style rules, parsed once", () => {
  const defaults = (require('mammoth/lib/options-reader.js') as { _defaultStyleMap: string[] })._defaultStyleMap;

  it('finds the default style map where mammoth 1.13 keeps it', () => {
    expect(defaults.length).toBeGreaterThan(30);
    expect(defaults).toContain('p.Heading1 => h1:fresh');
  });

  it('gives for every default rule (and a bad one) what the original parser gives, and the same object again', () => {
    const { readStyle } = originalReader();
    const memoised = memoiseRuleParser(readStyle);
    for (const rule of [...defaults, 'p[style-name=\'Title\'] => h1:fresh', 'not a rule']) {
      const first = memoised(rule);
      expect(first, rule).toEqual(readStyle(rule));
      expect(memoised(rule), rule).toBe(first);
    }
  });

  it('keeps at most the given number of rules, and still answers the others', () => {
    let calls = 0;
    const memoised = memoiseRuleParser((rule) => ({ rule, n: ++calls }), 2);
    memoised('a');
    memoised('b');
    memoised('c');
    memoised('a');
    memoised('c');
    expect(calls).toBe(4); // a and b kept; c parsed twice
  });
});
