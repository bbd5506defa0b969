/** Messages of `selfeval merge`. */
import type { Lang } from '../model/errors.js';

export const MERGE_TEXT: Record<Lang, {
  refused: string;
  noShards: string;
  outIsShard: (dir: string) => string;
  notAnOutput: (dir: string) => string;
  missing: (dir: string) => string;
  unreadableRecord: (dir: string, reason: string) => string;
  otherVersion: (dir: string, got: string, ours: string) => string;
  otherOptions: (dir: string, first: string, what: string, got: string, expected: string) => string;
  unfinished: (dir: string, present: number, expected: number) => string;
  missingParts: (dir: string, count: number, examples: string) => string;
  missingShards: (missing: string, n: number) => string;
  uncovered: (count: number, total: number) => string;
  nameClash: (name: string, a: string, fileA: string, b: string, fileB: string) => string;
  badPart: (dir: string, file: string) => string;
  duplicate: (file: string, kept: string, dropped: string) => string;
  moreDuplicates: (n: number) => string;
  done: (shards: number, files: number) => string;
}> = {
  zh: {
    refused: '拒绝合并：',
    noShards: '没有指定要合并的分片输出文件夹',
    outIsShard: (dir) => `输出文件夹不能是被合并的分片之一：${dir}`,
    notAnOutput: (dir) => `分片 ${dir} 不是 selfeval 的输出文件夹（缺少 .selfeval/run.json）`,
    missing: (dir) => `分片 ${dir} 不存在`,
    unreadableRecord: (dir, reason) => `分片 ${dir} 的 .selfeval/run.json 无法读取：${reason}`,
    otherVersion: (dir, got, ours) => `分片 ${dir} 由 selfeval ${got} 生成，而当前版本为 ${ours}；只能合并同一版本生成的分片（请用同一版本重新运行该分片）`,
    otherOptions: (dir, first, what, got, expected) => `分片 ${dir} 的 ${what} 为 ${got}，与分片 ${first} 的 ${expected} 不同；只能合并选项相同的分片`,
    unfinished: (dir, present, expected) =>
      `分片 ${dir} 没有运行完（可能被中断）：已有 ${present}/${expected} 个文档的结果；请以相同选项加 --resume 重新运行该分片后再合并`,
    missingParts: (dir, count, examples) => `分片 ${dir} 缺少 ${count} 个文档的结果（${examples}）；请以相同选项加 --resume 重新运行该分片后再合并`,
    missingShards: (missing, n) => `缺少分片 ${missing}（共 ${n} 个分片）`,
    uncovered: (count, total) => `输入列表共 ${total} 个输入，其中 ${count} 个不在任何给出的分片中`,
    nameClash: (name, a, fileA, b, fileB) => `分片 ${a} 与 ${b} 把输出名 ${name} 分别给了不同的输入（${fileA}、${fileB}）；请对同一输入列表使用 --shard 运行各分片`,
    badPart: (dir, file) => `分片 ${dir} 中 ${file} 的结果与该分片的版本或选项不符（可能来自更早的运行）；请以相同选项加 --resume 重新运行该分片`,
    duplicate: (file, kept, dropped) => `重复输入：${file} 同时出现在分片 ${kept} 与 ${dropped} 中，只计一次（采用 ${kept} 的结果）`,
    moreDuplicates: (n) => `另有 ${n} 个重复输入，见 manifest.json 的 merge.duplicates`,
    done: (shards, files) => `已合并 ${shards} 个分片，共 ${files} 个输入`,
  },
  en: {
    refused: 'merge refused: ',
    noShards: 'no shard output folders to merge',
    outIsShard: (dir) => `the output folder cannot be one of the shards: ${dir}`,
    notAnOutput: (dir) => `shard ${dir} is not a selfeval output folder (no .selfeval/run.json)`,
    missing: (dir) => `shard ${dir} does not exist`,
    unreadableRecord: (dir, reason) => `shard ${dir}: .selfeval/run.json cannot be read: ${reason}`,
    otherVersion: (dir, got, ours) => `shard ${dir} was made by selfeval ${got}, this is ${ours}; only shards made by the same version can be merged (run that shard again with this version)`,
    otherOptions: (dir, first, what, got, expected) => `shard ${dir} has ${what} ${got}, shard ${first} has ${expected}; only shards run with the same options can be merged`,
    unfinished: (dir, present, expected) =>
      `shard ${dir} did not finish (interrupted?): results for ${present} of ${expected} documents; run that shard again with the same options and --resume, then merge`,
    missingParts: (dir, count, examples) => `shard ${dir} lacks the results of ${count} documents (${examples}); run that shard again with the same options and --resume, then merge`,
    missingShards: (missing, n) => `shard(s) ${missing} of ${n} are missing`,
    uncovered: (count, total) => `${count} of the ${total} inputs of the list are in none of the shards given`,
    nameClash: (name, a, fileA, b, fileB) => `shards ${a} and ${b} give the output name ${name} to different inputs (${fileA}, ${fileB}); run the shards with --shard over one input list`,
    badPart: (dir, file) => `shard ${dir}: the result of ${file} does not match the shard's version or options (left from an earlier run?); run that shard again with the same options and --resume`,
    duplicate: (file, kept, dropped) => `duplicate input: ${file} is in shards ${kept} and ${dropped}; counted once (the result of ${kept} is used)`,
    moreDuplicates: (n) => `${n} more duplicate inputs, listed in manifest.json (merge.duplicates)`,
    done: (shards, files) => `merged ${shards} shards, ${files} inputs`,
  },
};
