/**
 * Text folding shared by every stage. Full-width ASCII (！ … ～) and the ideographic space are folded to
 * ASCII; nothing else is touched — blanket NFKC would turn ①②③ into digits.
 */
export function foldWidth(text: string): string {
  // Most text has nothing to fold: a scan of char codes first (cheaper than a regular expression here,
  // where every cell and name passes through).
  if (!needsWidthFold(text)) return text;
  return text.replace(WIDTH_FOLDED, (ch) => (ch === '\u3000' || ch === '\u00a0' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}
const WIDTH_FOLDED = /[\uff01-\uff5e\u3000\u00a0]/gu;

function needsWidthFold(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || c === 0xa0) return true;
  }
  return false;
}

/**
 * Traditional characters of the forms' vocabulary and their Simplified forms (項目支出績效自評表, 萬元, 執行率,
 * 總分 …). Applied to label keys only, so that a Traditional copy of a form matches its labels; values and
 * raw text are kept as printed.
 */
const TRADITIONAL = '項績評總萬執實級標預際資額當財撥結轉體門稱數質時經濟會態續響滿務對價優計產調後權單來專戶問題負責報類設綜電話決過節據區縣鄉鎮廳機構農業醫療衛護環號編場範圍劃維運營閱覽檔備註說處辦歲貳參億錢幣費補貼築園師學習歷積極緊張開關發規準確認證驗達況狀並與從於為這個們裡麼現傳統網絡線條車輛貨輸鐵銀廠礦莊鄰橋樓層屬內風險監檢測聯繫導領組織紀錄書簽蓋審讀寫錯誤無見觀點論則員餘兌購買賣貸債稅賬帳獎勵懲罰違較別進';
const SIMPLIFIED = '项绩评总万执实级标预际资额当财拨结转体门称数质时经济会态续响满务对价优计产调后权单来专户问题负责报类设综电话决过节据区县乡镇厅机构农业医疗卫护环号编场范围划维运营阅览档备注说处办岁贰参亿钱币费补贴筑园师学习历积极紧张开关发规准确认证验达况状并与从于为这个们里么现传统网络线条车辆货输铁银厂矿庄邻桥楼层属内风险监检测联系导领组织纪录书签盖审读写错误无见观点论则员余兑购买卖贷债税账帐奖励惩罚违较别进';
const TO_SIMPLIFIED = new Map([...TRADITIONAL].map((t, i) => [t, [...SIMPLIFIED][i]!]));

const TRADITIONAL_CHARS = new RegExp(`[${TRADITIONAL}]`, 'gu');
/** 1 at the char code of each Traditional character above (all in the Basic Multilingual Plane). */
const IS_TRADITIONAL = new Uint8Array(0x10000);
for (const t of TRADITIONAL) IS_TRADITIONAL[t.charCodeAt(0)] = 1;

function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (IS_TRADITIONAL[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Traditional characters folded to Simplified, for matching only. */
export function foldTraditional(text: string): string {
  if (!hasTraditional(text)) return text;
  return text.replace(TRADITIONAL_CHARS, (ch) => TO_SIMPLIFIED.get(ch) ?? ch);
}

/** Key for label matching: width-folded, Traditional folded to Simplified, without whitespace, colons or bracketed units. */
export function labelKey(text: string): string {
  return foldTraditional(foldWidth(text))
    .replace(/\s+/gu, '')
    .replace(/[:：]/gu, '')
    .replace(/[(（[【][^)）\]】]*[)）\]】]/gu, '');
}

/** Collapse runs of blanks inside a value and trim it (keeps line breaks between paragraphs). */
export function cleanValue(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000\u00a0]+/gu, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join('\n')
    .trim();
}

const EMPTY_MARKERS = new Set(['', '—', '——', '-', '--', '/', '无', '不适用', '－', '—— ', '–']);

/** True for the written forms that mean "unknown": "", —, ——, -, /, 无, 不适用. */
export function isEmptyMarker(text: string): boolean {
  return EMPTY_MARKERS.has(foldWidth(text).replace(/\s+/gu, ''));
}

/**
 * A form template's instruction left in a cell instead of an answer (mof-family §7.16: "对照年度目标,说明
 * 偏差原因及改进措施(100字以内)"): a bracketed word limit, or an instruction to fill in or explain.
 */
export function isTemplatePlaceholder(text: string): boolean {
  const t = foldWidth(text).replace(/\s+/gu, '');
  return /\(\d+字(?:以内|以下|左右)\)/u.test(t) || /^(?:请(?:简要)?(?:填写|说明|简述)|对照.{0,12}说明)/u.test(t);
}
