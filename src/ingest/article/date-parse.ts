/**
 * @module ingest/article/date-parse
 * Dates as pages write them (ISO, numeric, CJK, month names in some twenty languages) → ISO.
 * `parseDate` reads one date string; `findDates` lists every date written in a run of text.
 */

/**
 * Month names and abbreviations, lower-case, one string per month: en, de, fr, es, it, nl, pt, ca,
 * sv, da, no, fi, pl, cs, ro, hu, tr, id, ru, uk, el, ar. Where two languages spell one word for
 * two months (Croatian listopad is October, Polish and Czech November) the language left out is the
 * rarer one on news pages.
 */
const MONTH_TABLE = [
  'january jan januar jänner janvier janv enero ene gennaio gen januari janeiro gener tammikuuta stycznia styczeń ledna ianuarie január ocak января январь янв січня ιανουαρίου يناير',
  'february feb februar février fevrier févr febrero febbraio februari fevereiro fev febrer helmikuuta lutego luty února februarie február şubat subat февраля февраль фев лютого φεβρουαρίου فبراير',
  'march mar märz maerz mars marzo maart março marco mrz març maaliskuuta marca marzec března martie március mart maret mac марта март мар березня μαρτίου مارس',
  'april apr avril avr abril abr aprile huhtikuuta kwietnia kwiecień dubna aprilie április nisan апреля апрель апр квітня απριλίου أبريل ابريل',
  'may mai mayo maggio mag mei maio maj maig toukokuuta maja května május mayıs mayis мая май травня μαΐου μαίου مايو',
  'june jun juni juin junio giugno giu junho juny kesäkuuta czerwca czerwiec června iunie június haziran июня июнь июн червня ιουνίου يونيو',
  'july jul juli juillet juil julio luglio lug julho juliol heinäkuuta lipca lipiec července iulie július temmuz июля июль июл липня ιουλίου يوليو',
  'august aug août aout agosto ago augustus augusti agost elokuuta sierpnia sierpień srpna augusztus ağustos agustus ogos августа август авг серпня αυγούστου أغسطس اغسطس',
  'september sep sept septembre septiembre settembre set setembro setembre syyskuuta września wrzesień září septembrie szeptember eylül eylul сентября сентябрь сен сент вересня σεπτεμβρίου سبتمبر',
  'october oct oktober okt octobre octubre ottobre ott outubro out octubre lokakuuta października październik října octombrie október ekim октября октябрь окт жовтня οκτωβρίου أكتوبر اكتوبر',
  'november nov novembre noviembre novembro marraskuuta listopada listopad listopadu noiembrie kasım kasim ноября ноябрь ноя листопада νοεμβρίου نوفمبر',
  'december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro desembre desember disember joulukuuta grudnia grudzień prosince decembrie aralık aralik декабря декабрь дек грудня δεκεμβρίου ديسمبر',
];
const MONTH_OF = new Map(MONTH_TABLE.flatMap((names, i) => names.split(' ').map((n) => [n, i + 1] as const)));
// Longest first, so that "marzo" is tried before "mar"; a month word must not run on into a letter.
const MONTH_WORD = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])\\.?`;
const YEAR = '((?:19|20)\\d\\d)(?!\\d)';

/** Rules tried in this order; each returns [year, month, day] from its match. */
type Ymd = [number, number, number];
const RULES: readonly [RegExp, (m: RegExpExecArray, order: DateOrder) => Ymd | null][] = [
  // 2024-09-03, 2024/09/03, 2024.09.03, 2024-9-3, and 2024.09.03. as Korean pages write it
  [/(?<!\d)((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g, (m) => [+m[1]!, +m[3]!, +m[4]!]],
  // 2024年9月3日 (Chinese, Japanese), 2024년 9월 3일 (Korean)
  [/((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/g, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  // 20240903 (in URLs and ids)
  [/(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/g, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  // 03.09.2024 (day first); 09/03/2024 and 09-03-2024 (month first where the page is American,
  // unless a part over 12 says otherwise; day first elsewhere)
  [new RegExp(`(?<![\\d.])(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?${YEAR}`, 'g'), (m) => [+m[3]!, +m[2]!, +m[1]!]],
  [
    new RegExp(`(?<!\\d)(\\d{1,2})([/-])(\\d{1,2})\\2${YEAR}`, 'g'),
    (m, order) => numeric(+m[1]!, +m[3]!, +m[4]!, m[2]!, order),
  ],
  // 3 September 2024, 3. September 2024, 3 de septiembre de 2024, 3rd Sept. 2024, 15 августа 2016
  [
    new RegExp(
      `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|º|-?го)?\\.?\\s*(?:de\\s+)?${MONTH_WORD}\\s*(?:de\\s+|,\\s*)?${YEAR}`,
      'giu',
    ),
    (m) => month(m[2]!, +m[3]!, +m[1]!),
  ],
  // September 3, 2024; Sept. 3rd 2024; Tue Aug 25 2020 (JavaScript's Date.toString)
  [
    new RegExp(`(?<!\\p{L})${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}`, 'giu'),
    (m) => month(m[1]!, +m[3]!, +m[2]!),
  ],
  // 2023 Jan 7 (PubMed citations), 2023. január 7. (Hungarian), on one line: a headline ending in a
  // year does not run into the date line under it
  [
    new RegExp(`(?<!\\d)((?:19|20)\\d\\d)\\.?[ \\u00a0]+${MONTH_WORD}[ \\u00a0]+(\\d{1,2})(?!\\d)`, 'giu'),
    (m) => month(m[2]!, +m[1]!, +m[3]!),
  ],
  // 31.10.23: a two-digit year in the dotted day-first form, with a two-digit month,
  [/(?<![\d.])(\d{1,2})\.(\d\d)\.(\d\d)(?!\d|\.\d)/g, (m) => [century(+m[3]!), +m[2]!, +m[1]!]],
  // and in the slashed form (01/25/26), in the page's order
  [
    /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d\d)(?![\d/])/g,
    (m, order) => numeric(+m[1]!, +m[2]!, century(+m[3]!), '/', order),
  ],
];

/** A two-digit year: the nineties, else this century. */
const century = (yy: number) => yy + (yy >= 90 ? 1900 : 2000);

/**
 * The order of a/b/year dates. Readers' text follows its country ('month-first' in the US,
 * 'day-first' elsewhere); software writes 09/03/2024 month first and 03-09-2024 day first.
 */
export type DateOrder = 'software' | 'month-first' | 'day-first';

/** a/b/year in `order`, unless one part cannot be a month. */
function numeric(a: number, b: number, y: number, sep: string, order: DateOrder): Ymd {
  const monthFirst = order === 'month-first' || (order === 'software' && sep === '/');
  return (monthFirst && a <= 12) || b > 12 ? [y, a, b] : [y, b, a];
}

function month(word: string, y: number, d: number): Ymd | null {
  const m = MONTH_OF.get(word.toLowerCase().replace(/\.$/, ''));
  return m ? [y, m, d] : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar day in a plausible range for a web page (the web is younger than 1990). */
export function validDay([y, m, d]: Ymd): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Arabic-Indic, Persian and full-width digits → ASCII, so that one set of rules reads them all. */
function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code - (code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

/** A date found in a text: where it starts and ends, and the day as `YYYY-MM-DD`. */
export interface FoundDate {
  index: number;
  end: number;
  day: string;
}

/**
 * Every valid date written in `text`, in the order they appear (where two rules read the same place,
 * the earlier rule wins). At most `max` dates are returned; `order` reads 09/03/2024 and the like.
 */
export function findDates(text: string, max = 50, order: DateOrder = 'software'): FoundDate[] {
  const s = asciiDigits(text);
  const found: FoundDate[] = [];
  for (const [re, toYmd] of RULES) {
    // The first `max` dates of each rule hold the first `max` of all.
    let n = 0;
    re.lastIndex = 0;
    for (let m = re.exec(s); m && n < max; m = re.exec(s)) {
      const ymd = toYmd(m, order);
      if (!ymd || !validDay(ymd)) continue;
      const [start, end] = [m.index, m.index + m[0].length];
      if (found.some((f) => f.index < end && start < f.end)) continue;
      found.push({ index: start, end, day: `${ymd[0]}-${pad(ymd[1])}-${pad(ymd[2])}` });
      n++;
    }
  }
  return found.sort((a, b) => a.index - b.index).slice(0, max);
}

/**
 * Full ISO date-time with an offset, in the extended or the basic form (`2024-09-03T10:00:00+02:00`,
 * `20240903T100000Z`): kept as an instant, since the offset says which day it was where it was written.
 */
const ISO_DATETIME =
  /^((?:19|20)\d\d)-?(\d\d)-?(\d\d)[T ](\d\d):?(\d\d)(?::?(\d\d?(?:\.\d+)?))?\s*(Z|[+-]\d\d:?\d\d)$/;

/**
 * Parse a date as written on a page. Returns the date-time with offset when the string carries both
 * (Unix timestamps, 10 or 13 digits, are UTC instants), else `YYYY-MM-DD` (the first date the string
 * writes); null when nothing valid is found.
 */
export function parseDate(input: string, order: DateOrder = 'software'): string | null {
  const s = input.trim().slice(0, 200);
  const iso = ISO_DATETIME.exec(s);
  if (iso && validDay([+iso[1]!, +iso[2]!, +iso[3]!])) {
    const off = iso[7] === 'Z' ? 'Z' : iso[7]!.replace(/^([+-]\d\d)(\d\d)$/, '$1:$2');
    const sec = iso[6] ? `:${iso[6].padStart(2, '0')}` : '';
    return `${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}${sec}${off}`;
  }
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const d = new Date(s.length === 10 ? +s * 1000 : +s);
    return validDay([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()])
      ? d.toISOString().replace(/\.\d+Z$/, 'Z')
      : null;
  }
  return findDates(s, 1, order)[0]?.day ?? null;
}

/** True for an instant written in UTC (`Z`, `+00:00`): its local day may be the one before or after. */
export const isUtc = (iso: string): boolean => /T.*(?:Z|[+-]00:00)$/.test(iso);

/** The calendar day of a parsed date (its first ten characters). */
export const dayOf = (iso: string): string => iso.slice(0, 10);
