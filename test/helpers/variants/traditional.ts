/**
 * Simplified → Traditional for the characters of the MoF project forms this catalogue mirrors. Every Han
 * character must be listed, either in the table or as one written the same in both scripts, so that a
 * new form cannot slip through half converted (toTraditional throws on an unlisted character).
 */

const PAIRS =
  '项項绩績评評称稱农農质質门門云雲岭嶺县縣运運输輸实實单單设設养養护護资資万萬预預数數执執总總额額当當财財拨撥结結转轉' +
  '体體标標际際况況桥橋线線众眾验驗时時间間显顯缩縮级級进進产產响響个個业業会會续續长長机機达達满滿务務对對优優决決织織' +
  '经經济濟态態维維证證则則规規划劃发發报報费費围圍区區这這为為于於与與从從减減补補贴貼种種选選归歸边邊';

const SIMPLIFIED_TO_TRADITIONAL: ReadonlyMap<string, string> = new Map(Array.from({ length: PAIRS.length / 2 }, (_, i) => [PAIRS[2 * i]!, PAIRS[2 * i + 1]!] as const));

/** Characters written the same in both scripts (checked one by one against the Traditional forms). */
const UNCHANGED = new Set(
  '目支出效自表年度名村公路提改造工程主管部局交通施位建中心金元初算全行分值率得其政款上他期完成情里危座升能力和安水平方便沿群收合格明短指一二三偏差原因析及措量新按受雨季影段延已督促增加作面次月前本每均益社人可持制立意服象等',
);

/** The text with every Simplified character replaced by its Traditional form. */
export function toTraditional(text: string): string {
  return [...text]
    .map((ch) => {
      const t = SIMPLIFIED_TO_TRADITIONAL.get(ch);
      if (t) return t;
      if (/\p{Script=Han}/u.test(ch) && !UNCHANGED.has(ch)) throw new Error(`no Traditional form listed for ${ch}`);
      return ch;
    })
    .join('');
}

/** The pairs, for tests that fold back (Traditional → Simplified). */
export const TRADITIONAL_PAIRS: ReadonlyMap<string, string> = SIMPLIFIED_TO_TRADITIONAL;
