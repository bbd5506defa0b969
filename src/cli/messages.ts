import type { Lang } from '../model/errors.js';

export const HELP: Record<Lang, string> = {
  zh: `selfeval — 财政支出绩效评价自评报告的结构化提取与复核

用法：
  selfeval [选项] <文件或文件夹…>     处理报告（- 表示从标准输入读取一个文档）
  selfeval merge -o OUT <分片输出文件夹…>  把 --shard 各分片的结果合并为一次完整运行的输出
  selfeval schema                    输出报告模型的 JSON Schema
  selfeval rules                     列出全部检查规则
  selfeval tables <文件…>            按行输出每个文件中读到的表格（JSON Lines，套用模板之前；- 表示标准输入）

选项：
  -o, --out DIR          输出文件夹（默认 out）
  -j, --jobs N           并行处理的文档数（默认 CPU 核数）
      --format LIST      输出内容：json,csv,xlsx,log,html 的任意组合（默认全部）
      --lang zh|en       消息与 CSV 表头的语言（默认 zh）
      --fail-on LEVEL    存在该级别（error|warning）及以上的发现时退出码为 1（默认 never）
      --timeout SEC      单个文档的处理时限（默认 60 秒）
      --resume           跳过内容、版本与选项都未变、已有结果的输入
      --files-from FILE  从文件读取输入路径，每行一个（- 表示标准输入）
      --config FILE      规则配置（JSON：severity、gradeBands、executionRateThreshold）
      --shard K/N        只处理排序后输入列表中第 K、K+N、K+2N… 个（K 从 0 开始，0 ≤ K < N）
  -q, --quiet            不显示进度
  -h, --help             显示本帮助
  -V, --version          显示版本

退出码：0 全部处理完成；1 达到 --fail-on 阈值；2 用法错误；3 有输入或文件夹无法处理（其余照常完成，见 manifest.json）；70 工具自身出错；130/143 被 Ctrl-C / SIGTERM 中断（加 --resume 重跑即可继续）。
`,
  en: `selfeval — extract and re-check fiscal performance self-evaluation reports

Usage:
  selfeval [options] <file or folder…>   process reports (- reads one document from stdin)
  selfeval merge -o OUT <shard folder…>  put the outputs of --shard runs together as one run's
  selfeval schema                        print the JSON Schema of the report model
  selfeval rules                         list the check rules
  selfeval tables <file…>                print the tables read in each file (JSON Lines, before templates; - reads stdin)

Options:
  -o, --out DIR          output folder (default out)
  -j, --jobs N           documents processed in parallel (default: number of CPUs)
      --format LIST      any of json,csv,xlsx,log,html (default: all)
      --lang zh|en       language of messages and CSV headers (default zh)
      --fail-on LEVEL    exit 1 when a finding at or above error|warning exists (default never)
      --timeout SEC      per-document time limit (default 60)
      --resume           skip inputs whose outputs for the same content, version and options exist
      --files-from FILE  read input paths, one per line (- for stdin)
      --config FILE      rule configuration (JSON: severity, gradeBands, executionRateThreshold)
      --shard K/N        take inputs K, K+N, K+2N … of the sorted input list (K from 0, 0 ≤ K < N)
  -q, --quiet            no progress display
  -h, --help             show this help
  -V, --version          show the version

Exit codes: 0 all inputs processed; 1 --fail-on threshold met; 2 usage error; 3 some input or folder could not be processed (the batch still finished; see manifest.json); 70 internal error of the tool; 130/143 stopped by Ctrl-C / SIGTERM (run again with --resume to go on).
`,
};

/** "1 file", "2 files". */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export const TEXT = {
  zh: {
    usage: '用法错误：',
    seeHelp: '运行 selfeval --help 查看用法',
    noInputs: '没有指定输入文件或文件夹',
    noFilesFound: '注意：所给的文件夹中没有可处理的文件',
    missing: (p: string) => `找不到输入：${p}`,
    summary: (n: number, ok: number, failed: number, e: number, w: number, i: number, sec: string, out: string) =>
      `完成：${n} 个文件，成功 ${ok}，失败 ${failed}；发现 错误 ${e}、警告 ${w}、提示 ${i}；用时 ${sec} 秒；输出在 ${out}`,
    skipped: (hidden: number, lock: number) => `已跳过隐藏文件 ${hidden} 个、Office 锁文件 ${lock} 个`,
    skippedOutput: (dirs: string[]) => `已跳过此前运行的输出文件夹 ${dirs.length} 个（其中的报告、审阅页和汇总表不是输入）：${dirs.slice(0, 3).join('、')}${dirs.length > 3 ? ' 等' : ''}`,
    skippedSpecial: (special: number, dangling: number) => `已跳过特殊文件（管道、套接字、设备）${special} 个、无效链接 ${dangling} 个（见 manifest.json 的 skipped）`,
    failedFile: (file: string, msg: string) => `失败：${file}：${msg}`,
    progress: (done: number, total: number, rate: string, eta: string, failed: number) => `${done}/${total}  ${rate} 份/秒  剩余约 ${eta}  失败 ${failed}`,
    configError: (msg: string) => `配置文件无效：${msg}`,
    configNotJson: (detail: string) => `不是有效的 JSON（${detail}）`,
    interrupted: (out: string, done: number, total: number) => `已中断：已完成 ${done}/${total} 个文件，其结果保留在 ${out}（汇总文件尚未写出）；用同样的命令加 --resume 继续`,
    configUnreadable: (path: string, code: string) => `无法读取配置文件 ${path}（${code === 'ENOENT' ? '文件不存在' : code}）`,
    listUnreadable: (path: string, code: string) => `无法读取输入列表 ${path}（${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '是文件夹，不是文件' : code}）`,
    stdinTwice: '标准输入只能用一次：--files-from - 与输入 - 不能同时使用',
    unreadable: (path: string, reason: string) => `无法读取文件夹，其中的文件未处理：${path}（${reason}；记入 manifest.json 的 skipped.unreadableFolders，退出码为 3）`,
    reused: (n: number) => `沿用上次结果 ${n} 个`,
    shard: (k: number, n: number, taken: number, total: number) => `分片 ${k}/${n}：处理全部 ${total} 个输入中的 ${taken} 个`,
    outNotFolder: (out: string, file: string) => `输出文件夹 ${out} 无法使用：${file} 是一个文件，不是文件夹`,
    systemError: (message: string) => `无法完成（系统错误：${message}）`,
    failOn: (level: string, n: number, exit: number) =>
      `按 --fail-on ${level}：有 ${n} 条${level === 'error' ? '错误' : '错误或警告'}级发现，${exit === 1 ? '退出码为 1' : `退出码为 ${exit}（有输入无法处理，优先于 1）`}`,
    withErrors: (n: number) => `有错误级发现的文件 ${n} 个`,
    moreFailed: (n: number) => `……另有 ${n} 个文件失败（见 manifest.json）`,
    etaPending: '估算中',
  },
  en: {
    usage: 'usage error: ',
    seeHelp: 'run selfeval --help for usage',
    noInputs: 'no input files or folders given',
    noFilesFound: 'note: the folders given hold no files to process',
    missing: (p: string) => `input not found: ${p}`,
    summary: (n: number, ok: number, failed: number, e: number, w: number, i: number, sec: string, out: string) =>
      `done: ${count(n, 'file')}, ${ok} ok, ${failed} failed; findings: ${count(e, 'error')}, ${count(w, 'warning')}, ${i} info; ${sec} s; output in ${out}`,
    skipped: (hidden: number, lock: number) => `skipped ${count(hidden, 'hidden file')} and ${count(lock, 'Office lock file')}`,
    skippedOutput: (dirs: string[]) => `skipped ${count(dirs.length, 'output folder')} of earlier runs (their reports, audit pages and workbook are not inputs): ${dirs.slice(0, 3).join(', ')}${dirs.length > 3 ? ', …' : ''}`,
    skippedSpecial: (special: number, dangling: number) => `skipped ${count(special, 'special file')} (pipes, sockets, devices) and ${count(dangling, 'dangling link')} (see skipped in manifest.json)`,
    failedFile: (file: string, msg: string) => `failed: ${file}: ${msg}`,
    progress: (done: number, total: number, rate: string, eta: string, failed: number) => `${done}/${total}  ${rate} docs/s  ETA ${eta}  failed ${failed}`,
    configError: (msg: string) => `invalid config file: ${msg}`,
    configNotJson: (detail: string) => `not valid JSON (${detail})`,
    interrupted: (out: string, done: number, total: number) => `interrupted: ${done} of ${total} documents finished, their results kept in ${out} (the batch files are not written yet); run the same command with --resume to go on`,
    configUnreadable: (path: string, code: string) => `cannot read the config file ${path} (${code === 'ENOENT' ? 'no such file' : code})`,
    listUnreadable: (path: string, code: string) => `cannot read the input list ${path} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : code})`,
    stdinTwice: 'standard input can be used once: --files-from - and the input - cannot be combined',
    unreadable: (path: string, reason: string) => `folder could not be read, its files not processed: ${path} (${reason}; listed in manifest.json under skipped.unreadableFolders, exit code 3)`,
    reused: (n: number) => `${n} reused from the previous run`,
    shard: (k: number, n: number, taken: number, total: number) => `shard ${k}/${n}: ${taken} of ${total} inputs`,
    outNotFolder: (out: string, file: string) => `output folder ${out} cannot be used: ${file} is a file, not a folder`,
    systemError: (message: string) => `cannot finish (system error: ${message})`,
    failOn: (level: string, n: number, exit: number) =>
      `--fail-on ${level}: ${count(n, 'finding')} at or above ${level}; exit code ${exit === 1 ? '1' : `${exit} (some input could not be processed, which wins over 1)`}`,
    withErrors: (n: number) => `${count(n, 'file')} with error findings`,
    moreFailed: (n: number) => `... and ${count(n, 'more failed file')} (see manifest.json)`,
    etaPending: 'estimating',
  },
};

/** Findings that come from reading a document, not from a rule of the catalogue: not configurable. */
export const OTHER_FINDINGS: { id: string; severity: string; description: Record<Lang, string> }[] = [
  { id: 'extract-grid-mismatch', severity: 'error', description: { zh: '转换后的表格结构与原文不符（行列数对不上）', en: 'a converted table does not match the source grid (rows or columns do not add up)' } },
  { id: 'extract-unreadable', severity: 'warning', description: { zh: '表中某个值无法按数字、日期或等次读取', en: 'a value in a form could not be read as a number, date or grade' } },
  { id: 'extract-funds-columns', severity: 'warning', description: { zh: '资金表某行的数值少于表头列数（文本中空单元格丢失），无法唯一确定各值所属的列，未读取；或资金表某列的表头无法识别，该列金额未读取', en: 'a funds row has fewer values than its header has columns (empty cells lost in a text copy) and they fit more than one way, or a funds column’s header names no known column: not read' } },
  { id: 'extract-funds-rows', severity: 'warning', description: { zh: '资金表中某行（另一口径的分列、数字与文字混杂）无法确定是否为资金来源，未读取，各来源之和不作核对', en: 'a funds row (a second breakdown of the total, numbers mixed with text) cannot be read as a source with confidence: not read, and the sources are not added up' } },
  { id: 'extract-incomplete', severity: 'info', description: { zh: '表格在总分行之前中断（残缺的副本）：分值与总分不按完整表格核对', en: 'a form is cut before its 总分 row (an incomplete copy): its weights and total are not checked as if it were whole' } },
  { id: 'extract-unread-form', severity: 'warning', description: { zh: '一个表格在总分行之后接着另一张表（项目名称或自评表标题），后一张未读取', en: 'a table goes on after its 总分 row into another form (项目名称 or a 自评表 title), which is not read' } },
  { id: 'extract-merge', severity: 'info', description: { zh: 'docx 中的合并单元格无法按原样还原时的说明', en: 'a note on merged cells of a .docx that could not be rebuilt as printed' } },
  { id: 'extract-symbol', severity: 'info', description: { zh: 'docx 中符号字体的字符（如 Wingdings 勾选框）无法换成普通字符', en: 'a symbol-font character of a .docx (a Wingdings check box …) that has no ordinary equivalent' } },
  { id: 'extract-xlsx-hidden-sheet', severity: 'info', description: { zh: 'Excel 工作簿中的隐藏工作表未读取', en: 'a hidden sheet of an Excel workbook was not read' } },
  { id: 'extract-xlsx-hidden-cells', severity: 'info', description: { zh: 'Excel 工作表中隐藏的行或列（有内容）未读取', en: 'hidden rows or columns of an Excel sheet, which held text, were not read' } },
  { id: 'extract-xlsx-formula-uncached', severity: 'info', description: { zh: 'Excel 公式没有保存计算结果，按空值读取', en: 'an Excel formula without a saved result, read as empty' } },
  { id: 'extract-xlsx-number-format', severity: 'info', description: { zh: 'Excel 数字格式无法显示，按常规格式读取', en: 'an Excel number format that could not be rendered, read in General format' } },
  { id: 'extract-mammoth', severity: 'info', description: { zh: 'docx 转换时的提示（mammoth）', en: 'a note from the docx conversion (mammoth)' } },
  { id: 'check-failed', severity: 'warning', description: { zh: '某条规则在本文件上出错，未能完成检查', en: 'a rule failed on this file and could not check it' } },
];

export const ARG_TEXT = {
  zh: {
    unknownOption: (name: string) => `未知选项 ${name}`,
    needsValue: (name: string) => `选项 ${name} 需要一个取值`,
    takesNoValue: (name: string, got: string) => `选项 ${name} 不带取值（实际为 ${got}）`,
    // A space between Chinese and a Latin word or a digit, as Chinese typesetting has it.
    badValue: (option: string, expected: string, got: string) => `${option} 的取值应为${/^[!-~]/u.test(expected) ? ' ' : ''}${expected}（实际为 ${got}）`,
    notForMerge: (option: string) => `选项 ${option} 不适用于 merge（合并沿用各分片运行时的选项）`,
    notForTables: (option: string) => `选项 ${option} 不适用于 tables（tables 只把各文件的表格逐行写到标准输出）`,
    noInputsFor: (command: string, got: string) => `selfeval ${command} 不接受输入文件（实际为 ${got}）`,
  },
  en: {
    unknownOption: (name: string) => `unknown option ${name}`,
    needsValue: (name: string) => `option ${name} needs a value`,
    takesNoValue: (name: string, got: string) => `option ${name} takes no value (got ${got})`,
    badValue: (option: string, expected: string, got: string) => `${option}: expected ${expected} (got ${got})`,
    notForMerge: (option: string) => `option ${option} does not apply to merge (a merge takes the options the shards were run with)`,
    notForTables: (option: string) => `option ${option} does not apply to tables (it prints each file's tables to standard output)`,
    noInputsFor: (command: string, got: string) => `selfeval ${command} takes no input files (got ${got})`,
  },
};
