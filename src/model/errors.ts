import type { ErrorCode } from './document.js';

export type Lang = 'zh' | 'en';

/** A per-document failure: the batch records it and goes on. */
/** A detail in both languages; a plain string is a technical detail shown as it is. */
export type Detail = string | { zh: string; en: string };

export function detailText(detail: Detail, lang: Lang): string {
  return typeof detail === 'string' ? detail : detail[lang];
}

export class DocumentError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: Detail = '',
  ) {
    super(`${code}${detailText(detail, 'en') ? `: ${detailText(detail, 'en')}` : ''}`);
    this.name = 'DocumentError';
  }
}

const READ_ERRORS: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: '文件不存在', en: 'no such file' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'permission denied' },
  EISDIR: { zh: '这是一个文件夹', en: 'it is a folder' },
  EIO: { zh: '磁盘读取错误', en: 'I/O error' },
};

/** A read failure's detail from the system error code. */
export function readErrorDetail(code: string): Detail {
  const known = READ_ERRORS[code];
  return known ? { zh: `${known.zh}（${code}）`, en: `${known.en} (${code})` } : code;
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
  'legacy-xls-needs-libreoffice': {
    zh: '旧版 .xls 文件需要 LibreOffice：请安装（如 apt-get install libreoffice-calc-nogui）并确保 soffice 在 PATH 中',
    en: 'legacy .xls needs LibreOffice: install it (e.g. apt-get install libreoffice-calc-nogui) and put soffice on PATH',
  },
  'too-large': { zh: '文件过大或解压后过大，已跳过', en: 'the file (or its uncompressed content) is too large; skipped' },
  timeout: { zh: '处理超时', en: 'processing timed out' },
  'decode-failed': { zh: '无法识别文本编码', en: 'the text encoding could not be decoded' },
  'read-failed': { zh: '无法读取文件', en: 'the file could not be read' },
  'internal-error': { zh: '内部错误（请报告此问题）', en: 'internal error (please report it)' },
  'unsupported-format': { zh: '不支持的文件格式', en: 'unsupported file format' },
  'xml-doctype': { zh: 'Word 文件中含有 XML DOCTYPE 声明（Word 从不写入，出于安全拒绝读取）', en: 'the Word file holds an XML DOCTYPE declaration (Word never writes one; refused for safety)' },
  'not-a-regular-file': { zh: '不是普通文件（管道、套接字或设备），未读取', en: 'not a regular file (a pipe, socket or device); not read' },
  'too-complex': { zh: '文档结构过于复杂（嵌套过深或单元格过多），已跳过', en: 'the document is too complex (nested too deeply or too many cells); skipped' },
};

export function errorMessage(code: ErrorCode, detail: Detail, lang: Lang): string {
  const base = ERROR_TEXT[code][lang];
  const text = detailText(detail, lang);
  if (!text) return base;
  // A plain string is a library's or the system's own (English) text: quoted as such in Chinese.
  if (lang === 'zh' && typeof detail === 'string') return `${base}（原始信息：${text}）`;
  return lang === 'zh' ? `${base}：${text}` : `${base}: ${text}`;
}
