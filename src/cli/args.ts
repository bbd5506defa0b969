import { parseArgs } from 'node:util';
import type { Lang } from '../model/errors.js';
import { ALL_FORMATS, type OutputFormat } from '../output/assemble.js';

export interface CliOptions {
  command: 'run' | 'schema' | 'rules' | 'help' | 'version';
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
}

export class UsageError extends Error {}

export function parseCli(argv: string[], cpus: number): CliOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
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
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'V', default: false },
    },
  });
  const lang = (values.lang ?? 'zh') as Lang;
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang: zh | en (got ${values.lang})`);
  const formats = (values.format ?? ALL_FORMATS.join(',')).split(',').map((f) => f.trim()).filter(Boolean) as OutputFormat[];
  const badFormat = formats.find((f) => !ALL_FORMATS.includes(f));
  if (badFormat) throw new UsageError(`--format: ${ALL_FORMATS.join(',')} (got ${badFormat})`);
  const jobs = values.jobs === undefined ? cpus : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs: a whole number from 1 to 256 (got ${values.jobs})`);
  const timeoutSec = Number(values.timeout);
  if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) throw new UsageError(`--timeout: seconds > 0 (got ${values.timeout})`);
  const failOn = values['fail-on'] as CliOptions['failOn'];
  if (!['error', 'warning', 'never'].includes(failOn)) throw new UsageError(`--fail-on: error | warning | never (got ${failOn})`);
  let command: CliOptions['command'] = 'run';
  let inputs = positionals;
  if (values.help) command = 'help';
  else if (values.version) command = 'version';
  else if (positionals[0] === 'schema' || positionals[0] === 'rules') {
    command = positionals[0];
    inputs = positionals.slice(1);
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
  };
}
