import type { ErrorCode } from './document.js';

export type Lang = 'zh' | 'en';

/** A per-document failure: the batch records it and goes on. */
export class DocumentError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'DocumentError';
  }
}

const ERROR_TEXT: Record<ErrorCode, Record<Lang, string>> = {
  'empty-file': { zh: '文件为空', en: 'the file is empty' },
  'corrupt-zip': { zh: '文件已损坏：不是完整的 ZIP/Word 文件', en: 'the file is corrupt: not a complete ZIP/Word file' },
  'not-a-report': { zh: '不是绩效自评报告（未找到报告内容）', en: 'not a self-evaluation report (no report content found)' },
  'unrecognized-template': { zh: '未识别的报告模板', en: 'the document matches no known report template' },
  'encrypted-document': { zh: '文档已加密，请先去除密码', en: 'the document is encrypted; remove the password first' },
  'legacy-doc-needs-libreoffice': {
    zh: '旧版 .doc 文件需要 LibreOffice：请安装（如 apt-get install libreoffice-writer-nogui）并确保 soffice 在 PATH 中',
    en: 'legacy .doc needs LibreOffice: install it (e.g. apt-get install libreoffice-writer-nogui) and put soffice on PATH',
  },
  'too-large': { zh: '文件过大或解压后过大，已跳过', en: 'the file (or its uncompressed content) is too large; skipped' },
  timeout: { zh: '处理超时', en: 'processing timed out' },
  'decode-failed': { zh: '无法识别文本编码', en: 'the text encoding could not be decoded' },
  'read-failed': { zh: '无法读取文件', en: 'the file could not be read' },
  'internal-error': { zh: '内部错误（请报告此问题）', en: 'internal error (please report it)' },
};

export function errorMessage(code: ErrorCode, detail: string, lang: Lang): string {
  const base = ERROR_TEXT[code][lang];
  if (!detail) return base;
  return lang === 'zh' ? `${base}：${detail}` : `${base}: ${detail}`;
}
