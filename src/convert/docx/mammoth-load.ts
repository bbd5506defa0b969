/**
 * mammoth, loaded at the first .docx (a batch of text dumps never needs it), with its XML read by the
 * fast reader where it can (mammoth-xml.ts) and its style-rule parser memoised. mammoth parses its ~50 default style rules ("p.Heading1 => h1:fresh" …) from text on every
 * conversion: about 2 ms of a document's ~30 ms, the same strings every time, and the parser is a pure
 * function of its input whose results mammoth never modifies. mammoth's index module takes the parser
 * from its style-reader module when it is first loaded, so the memoised one is put there before that.
 * mammoth is pinned to ~1.13 for this; test/docx/mammoth-load.test.ts checks the memoised parser against
 * the original on every default rule. When mammoth is already loaded, or its internal module looks
 * different, nothing is patched and mammoth works as it always does.
 */
import { createRequire } from 'node:module';
import type Mammoth from 'mammoth';
import { fastReadString, type MammothNodes, type ReadString } from './mammoth-xml.js';

const require = createRequire(import.meta.url);

/** Style rules kept per worker: the defaults, and any a document embeds (bounded all the same). */
const MAX_RULES = 1000;

let loading: Promise<typeof Mammoth> | null = null;

export function loadMammoth(): Promise<typeof Mammoth> {
  return (loading ??= (async () => {
    memoiseStyleRules();
    readXmlFast();
    return (await import('mammoth')).default;
  })());
}

type ParseRule = (rule: string) => unknown;

/** The parser, answering each rule it has seen with the result it gave the first time. */
export function memoiseRuleParser(parse: ParseRule, max = MAX_RULES): ParseRule {
  const parsed = new Map<string, unknown>();
  return (rule) => {
    let result = parsed.get(rule);
    if (result === undefined) {
      result = parse(rule);
      if (parsed.size < max) parsed.set(rule, result);
    }
    return result;
  };
}

function memoiseStyleRules(): void {
  try {
    if (require.cache[require.resolve('mammoth')]) return; // its index already holds the original parser
    const reader = require('mammoth/lib/style-reader.js') as { readStyle?: unknown };
    if (typeof reader.readStyle !== 'function' || reader.readStyle.length !== 1) return;
    reader.readStyle = memoiseRuleParser(reader.readStyle as ParseRule);
  } catch {
    // mammoth laid out differently: convert without the memo
  }
}

/**
 * mammoth's parts read by the fast XML reader where it can (see mammoth-xml.ts). mammoth's readers call
 * `readString` through its xml module's exports at each use, so replacing it there reaches them all.
 */
function readXmlFast(): void {
  try {
    const xml = require('mammoth/lib/xml/index.js') as { readString?: unknown; Element?: unknown; text?: unknown };
    if (typeof xml.readString !== 'function' || typeof xml.Element !== 'function' || typeof xml.text !== 'function') return;
    xml.readString = fastReadString(xml.readString as ReadString, { Element: xml.Element, text: xml.text } as MammothNodes);
  } catch {
    // mammoth laid out differently: it reads its XML itself
  }
}
