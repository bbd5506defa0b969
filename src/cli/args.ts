import { parseArgs } from 'node:util';
import type { Lang } from '../model/errors.js';
import { ALL_FORMATS, type OutputFormat } from '../output/formats.js';
import { ARG_TEXT } from './messages.js';
import { parseShardSpec, type ShardSpec } from './shard-spec.js';

export interface CliOptions {
  command: 'run' | 'merge' | 'schema' | 'rules' | 'tables' | 'help' | 'version';
  inputs: string[];
  out: string;
  jobs: number;
  formats: OutputFormat[];
  lang: Lang;
  failOn: 'error' | 'warning' | 'never';
  timeoutSec: number;
  resume: boolean;
  filesFrom: string | null;
  quiet: boolean;
  config: string | null;
  /** --shard K/N: this run takes inputs K, K+N, K+2N … of the sorted list (K from 0). */
  shard: ShardSpec | null;
}

export class UsageError extends Error {}

const OPTIONS = {
  out: { type: 'string', short: 'o', default: 'out' },
  jobs: { type: 'string', short: 'j' },
  format: { type: 'string' },
  lang: { type: 'string' },
  'fail-on': { type: 'string', default: 'never' },
  timeout: { type: 'string', default: '60' },
  resume: { type: 'boolean', default: false },
  'files-from': { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  config: { type: 'string' },
  shard: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'V', default: false },
} as const;

/** --lang as written (so that even the errors about other options speak it), default zh. */
export function langOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'zh';
}

/** Options whose value may look like a negative number: "--timeout -1" is a bad value, not a missing one. */
const NUMERIC_OPTIONS = new Set(['--jobs', '-j', '--timeout']);

/** "--timeout -1" as "--timeout=-1" and "-j -2" as "-j-2": parseArgs would take "-1" for an option. */
function joinNegativeValues(argv: string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (NUMERIC_OPTIONS.has(a) && next !== undefined && /^-\d/u.test(next)) {
      args.push(a.startsWith('--') ? `${a}=${next}` : `${a}${next}`);
      i++;
    } else {
      args.push(a);
    }
  }
  return args;
}

function parseOrExplain(argv: string[], lang: Lang) {
  const args = joinNegativeValues(argv);
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    const err = e as Error & { code?: string };
    const name = /'(-[^'\s,]*)/u.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(ARG_TEXT[lang].unknownOption(name));
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      // A switch written with a value (--resume=yes) comes with the same code as a value left out.
      const long = /'(?:-\w, )?(--[\w-]+)/u.exec(err.message)?.[1] ?? name;
      const given = /does not take an argument/u.test(err.message) ? args.find((a) => a.startsWith(`${long}=`)) : undefined;
      throw new UsageError(given ? ARG_TEXT[lang].takesNoValue(long, given) : ARG_TEXT[lang].needsValue(name));
    }
    throw new UsageError(err.message);
  }
}

const SHORT: Partial<Record<string, string>> = { jobs: '-j', out: '-o' };

/** The first of these options written on the command line, as written (--out or -o). */
function givenOption(argv: string[], names: readonly (keyof typeof OPTIONS)[]): string | undefined {
  for (const a of argv) {
    if (a === '--') break;
    const name = names.find((o) => a === `--${o}` || a.startsWith(`--${o}=`) || (SHORT[o] !== undefined && a.startsWith(SHORT[o])));
    if (name) return a.startsWith('--') ? `--${name}` : SHORT[name];
  }
  return undefined;
}

export function parseCli(argv: string[], cpus: number): CliOptions {
  const argLang = langOf(argv);
  const bad = (option: string, expected: { zh: string; en: string }, got: unknown) =>
    new UsageError(ARG_TEXT[argLang].badValue(option, expected[argLang], String(got)));
  const { values, positionals } = parseOrExplain(argv, argLang);
  const lang = (values.lang ?? 'zh') as Lang;
  if (lang !== 'zh' && lang !== 'en') throw bad('--lang', { zh: 'zh 或 en', en: 'zh or en' }, values.lang);
  const formats = (values.format ?? ALL_FORMATS.join(',')).split(',').map((f) => f.trim()).filter(Boolean) as OutputFormat[];
  const badFormat = formats.length === 0 ? '""' : formats.find((f) => !ALL_FORMATS.includes(f));
  if (badFormat) throw bad('--format', { zh: `${ALL_FORMATS.join(',')} 中的一项或几项`, en: `one or more of ${ALL_FORMATS.join(',')}` }, badFormat);
  // An empty -o would write every output file into the current folder, among the inputs.
  if (values.out !== undefined && values.out.trim() === '') throw bad('-o', { zh: '一个文件夹', en: 'a folder' }, '""');
  const jobs = values.jobs === undefined ? cpus : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw bad('--jobs', { zh: '1 到 256 的整数', en: 'a whole number from 1 to 256' }, values.jobs);
  const timeoutSec = Number(values.timeout);
  if (!Number.isFinite(timeoutSec) || timeoutSec <= 0 || timeoutSec > 86_400) throw bad('--timeout', { zh: '大于 0、不超过 86400 的秒数（0 不表示不限时）', en: 'seconds above 0 and at most 86400 (0 does not mean no limit)' }, values.timeout);
  const failOn = values['fail-on'] as CliOptions['failOn'];
  if (!['error', 'warning', 'never'].includes(failOn)) throw bad('--fail-on', { zh: 'error、warning 或 never', en: 'error, warning or never' }, failOn);
  const shard = values.shard === undefined ? null : parseShardSpec(values.shard);
  if (values.shard !== undefined && !shard) throw bad('--shard', { zh: 'K/N，其中 0 ≤ K < N（K 从 0 开始计）', en: 'K/N with 0 ≤ K < N (K counts from 0)' }, values.shard);
  let command: CliOptions['command'] = 'run';
  let inputs = positionals;
  // "selfeval help" as well as --help (a report file called just "help" is not likely).
  if (values.help || (positionals.length === 1 && positionals[0] === 'help')) command = 'help';
  else if (values.version) command = 'version';
  else if (positionals[0] === 'schema' || positionals[0] === 'rules' || positionals[0] === 'tables' || positionals[0] === 'merge') {
    command = positionals[0];
    inputs = positionals.slice(1);
  }
  // "selfeval rules report.docx" would list the rules and exit 0, as if the report had been checked.
  if ((command === 'schema' || command === 'rules') && inputs.length > 0) throw new UsageError(ARG_TEXT[argLang].noInputsFor(command, inputs.join(' ')));
  if (command === 'merge') {
    // A merge takes what the shards were run with; options that would change it do not apply.
    const given = givenOption(argv, ['format', 'resume', 'files-from', 'config', 'shard', 'fail-on', 'jobs']);
    if (given) throw new UsageError(ARG_TEXT[argLang].notForMerge(given));
  }
  if (command === 'tables') {
    // tables prints to standard output, one file after another: an output folder, formats or a shard
    // would be silently ignored, and the user would look for files that were never written.
    const given = givenOption(argv, ['out', 'format', 'resume', 'files-from', 'config', 'shard', 'fail-on', 'jobs']);
    if (given) throw new UsageError(ARG_TEXT[argLang].notForTables(given));
  }
  return {
    command,
    inputs,
    out: values.out ?? 'out',
    jobs,
    formats,
    lang,
    failOn,
    timeoutSec,
    resume: values.resume ?? false,
    filesFrom: values['files-from'] ?? null,
    quiet: values.quiet ?? false,
    config: values.config ?? null,
    shard,
  };
}
