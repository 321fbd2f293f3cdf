/**
 * @module ingest/article/date-parse
 * One date string as pages write it (ISO, numeric, month names in eight languages) → ISO, or null.
 */

/** Month names and abbreviations (en, de, fr, es, it, nl, pt, sv), lower-case, accents kept. */
const MONTHS: readonly (readonly string[])[] = [
  [
    'january',
    'jan',
    'januar',
    'jänner',
    'janvier',
    'janv',
    'enero',
    'ene',
    'gennaio',
    'gen',
    'januari',
    'janeiro',
  ],
  [
    'february',
    'feb',
    'februar',
    'février',
    'fevrier',
    'févr',
    'febrero',
    'febbraio',
    'februari',
    'fevereiro',
    'fev',
  ],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'maart', 'março', 'marco', 'mrz'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei', 'maio', 'maj'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'augusti'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set', 'setembro'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  [
    'december',
    'dec',
    'dezember',
    'dez',
    'décembre',
    'decembre',
    'déc',
    'diciembre',
    'dic',
    'dicembre',
    'dezembro',
  ],
];
const MONTH_OF = new Map(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const MONTH_WORD = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;

/** Rules tried in order; the first match wins. Each returns [year, month, day] from its match. */
type Ymd = [number, number, number];
const RULES: readonly [RegExp, (m: RegExpExecArray) => Ymd | null][] = [
  // 2024-09-03, 2024/09/03, 2024.09.03, 2024-9-3
  [/\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  // 20240903 (in URLs and ids)
  [/(?:^|\D)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\D|$)/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  // 03.09.2024 and 3-9-2024 (European order); 09/03/2024 (US order unless the first part exceeds 12)
  [/\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)\b/, (m) => [+m[3]!, +m[2]!, +m[1]!]],
  [
    /\b(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d\d)\b/,
    (m) => (+m[1]! > 12 || m[2] === '-' ? [+m[4]!, +m[3]!, +m[1]!] : [+m[4]!, +m[1]!, +m[3]!]),
  ],
  // 3 September 2024, 3. September 2024, 3 de septiembre de 2024, 3rd Sept. 2024
  [
    new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s*(?:de\\s+)?${MONTH_WORD}\\s*(?:de\\s+|,\\s*)?((?:19|20)\\d\\d)\\b`,
      'iu',
    ),
    (m) => month(m[2]!, +m[3]!, +m[1]!),
  ],
  // September 3, 2024; Sept. 3rd 2024
  [
    new RegExp(`${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'iu'),
    (m) => month(m[1]!, +m[3]!, +m[2]!),
  ],
];

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

/** Full ISO date-time with an offset, kept as given when it is one (`2024-09-03T10:00:00+02:00`). */
const ISO_DATETIME = /^((?:19|20)\d\d-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d)?(?:\.\d+)?)\s*(Z|[+-]\d\d:?\d\d)$/;

/**
 * Parse a date as written on a page. Returns the date-time with offset when the string carries both,
 * else `YYYY-MM-DD`; null when nothing valid is found. Unix timestamps (10 or 13 digits) are accepted.
 */
export function parseDate(input: string): string | null {
  const s = input.trim().slice(0, 200);
  const iso = ISO_DATETIME.exec(s);
  if (iso && validDay(iso[1]!.split('-').map(Number) as Ymd)) {
    const off = iso[3] === 'Z' ? 'Z' : iso[3]!.replace(/^([+-]\d\d)(\d\d)$/, '$1:$2');
    return `${iso[1]}T${iso[2]}${off}`;
  }
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const d = new Date(s.length === 10 ? +s * 1000 : +s);
    return d.toISOString().slice(0, 10);
  }
  for (const [re, toYmd] of RULES) {
    const m = re.exec(s);
    const ymd = m && toYmd(m);
    if (ymd && validDay(ymd)) return `${ymd[0]}-${pad(ymd[1])}-${pad(ymd[2])}`;
  }
  return null;
}

/** The calendar day of a parsed date (its first ten characters). */
export const dayOf = (iso: string): string => iso.slice(0, 10);
