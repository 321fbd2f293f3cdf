/**
 * @module ingest/feeds/dates
 * Feed dates to ISO 8601 UTC: RFC 822/1123 with their real-world variants, ISO 8601/RFC 3339,
 * W3C-DTF and asctime. Returns null for anything it cannot read with confidence; never throws.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Named zones in offset minutes. US one-letter-less forms (ET, PT...) are standard time, as in feedparser. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  'etc/gmt': 0,
  wet: 0,
  bst: 60,
  cet: 60,
  met: 60,
  cest: 120,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  at: -240,
  adt: -180,
  ast: -240,
  et: -300,
  est: -300,
  edt: -240,
  ct: -360,
  cst: -360,
  cdt: -300,
  mt: -420,
  mst: -420,
  mdt: -360,
  pt: -480,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
};

function zoneMinutes(zone: string | undefined): number | null {
  if (!zone) return 0; // a date without a zone is read as UTC, the only defensible guess
  const z = zone.toLowerCase();
  if (z in ZONES) return ZONES[z]!;
  const m = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return /^[a-ik-z]$/.test(z) ? 0 : null; // military letters: too often misused to trust, read as UTC
  const h = Number(m[2]);
  const min = Number(m[3] ?? 0);
  if (h > 14 || min > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offset: number,
): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 24 || mi > 59 || s > 60) return null;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // unlike Date.UTC, keeps years 0-99 as written
  date.setUTCHours(h, mi - offset, Math.min(s, 59));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const daysIn = (y: number, mo: number) =>
  mo === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const year2 = (y: string) => (y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y));

const ISO =
  /^(\d{4}|\d{2})(?:(?:-(\d{2,3})|(\d{2}))(?:-?(\d{2}))?)?(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function parseIso(s: string): string | null {
  const ord = /^(\d{4}|\d{2})-?(\d{3})$/.exec(s); // ordinal date: year and day of year
  if (ord) {
    const d = new Date(Date.UTC(year2(ord[1]!), 0, Number(ord[2])));
    return Number(ord[2]) >= 1 && Number(ord[2]) <= 366 ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
  }
  const compact = /^(\d{2})(\d{2})(\d{2})$/.exec(s) ?? /^-(\d{2})-?(\d{2})$/.exec(s); // YYMMDD, -YYMM
  if (compact) return build(year2(compact[1]!), Number(compact[2]), Number(compact[3] ?? 1), 0, 0, 0, 0);
  const m = ISO.exec(s);
  if (!m) return null;
  const mon = (m[2] ?? m[3])?.replace(/^0(\d\d)$/, '$1'); // "2003-012-31": a zero-padded month
  if (m[1]!.length === 2 && !mon) return null;
  const offset = zoneMinutes(m[8]);
  if (offset === null) return null;
  const n = (v: string | undefined, dflt: number) => (v === undefined ? dflt : Number(v));
  return build(year2(m[1]!), n(mon, 1), n(m[4], 1), n(m[5], 0), n(m[6], 0), n(m[7], 0), offset);
}

const RFC822 =
  /^(?:[a-z]+,?\s*)?(\d{1,2})\s+([a-z]{3,})\.?,?\s+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*([a-z/]+(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,2}:?\d{2})?$/i;
/** "Thu Aug 30 2012 17:26:16 +0200", asctime "Sun Jan  4 16:29:06 2004", "Sun Jul 15 01:16:00 +0000 2012". */
const MONTH_FIRST =
  /^(?:[a-z]+,?\s+)?([a-z]{3,})\.?\s+(\d{1,2}),?\s+(?:(\d{4})\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]+|[+-]\d{2}:?\d{2})?(?:\s+(\d{4}))?$/i;

function month(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

function parseRfc822(s: string): string | null {
  const perforce = /^(?:[a-z]+,\s*)?(\d{4})\/(\d{2})\/(\d{2})\s+(\d{2}):(\d{2}):(\d{2})\s*([a-z]+)?$/i.exec(
    s,
  );
  if (perforce) {
    const off = zoneMinutes(perforce[7]);
    const [y, mo, d, h, mi, sec] = perforce.slice(1, 7).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return off === null ? null : build(y, mo, d, h, mi, sec, off);
  }
  const m = RFC822.exec(s);
  if (m) {
    const mo = month(m[2]!);
    const off = zoneMinutes(m[7]);
    if (!mo || off === null) return null;
    return build(
      year2(m[3]!),
      mo,
      Number(m[1]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      off,
    );
  }
  const a = MONTH_FIRST.exec(s);
  if (!a || !(a[3] ?? a[8])) return null;
  const mo = month(a[1]!);
  const off = zoneMinutes(a[7]);
  if (!mo || off === null) return null;
  return build(Number(a[3] ?? a[8]), mo, Number(a[2]), Number(a[4]), Number(a[5]), Number(a[6] ?? 0), off);
}

/** Month names in the languages feedparser's suite covers (Greek, Hungarian), mapped to English. */
const LOCAL_MONTHS: [RegExp, string][] = [
  [/Ιαν/i, 'Jan'],
  [/Φεβ/i, 'Feb'],
  [/Μ[άα]ρ/i, 'Mar'],
  [/Απρ/i, 'Apr'],
  [/Μ[άα][ιΐ]/i, 'May'],
  [/Ιο[ύυ]?ν/i, 'Jun'],
  [/Ιο[ύυ]?λ/i, 'Jul'],
  [/[ΑΆ][ύυ]γ/i, 'Aug'],
  [/Σεπ/i, 'Sep'],
  [/Οκτ/i, 'Oct'],
  [/Νο[έε]/i, 'Nov'],
  [/Δεκ/i, 'Dec'],
  [/janu[aá]r/i, 'Jan'],
  [/febru[aá]r/i, 'Feb'],
  [/m[aá]rcius/i, 'Mar'],
  [/[aá]prilis/i, 'Apr'],
  [/m[aá]jus/i, 'May'],
  [/j[uú]nius/i, 'Jun'],
  [/j[uú]lius/i, 'Jul'],
  [/augusztus/i, 'Aug'],
  [/szeptember/i, 'Sep'],
  [/okt[oó]ber/i, 'Oct'],
];

/** Korean blog dates ("2004년 05월 28일 01:31:15", "2004-05-25 오후 11:23:17") are in KST. */
function parseKorean(s: string): string | null {
  const m =
    /^(\d{4})(?:년\s*|-)(\d{1,2})(?:월\s*|-)(\d{1,2})일?\s+(?:(오전|오후)\s*)?(\d{1,2}):(\d{2}):(\d{2})$/.exec(
      s,
    );
  if (!m) return null;
  const h = (Number(m[5]) % 12) + (m[4] === '오후' ? 12 : m[4] ? 0 : Number(m[5]) >= 12 ? 12 : 0);
  return build(Number(m[1]), Number(m[2]), Number(m[3]), h, Number(m[6]), Number(m[7]), 540);
}

function localise(s: string): string {
  let out = s;
  for (const [re, en] of LOCAL_MONTHS) out = out.replace(re, en);
  out = out.replace(/^(\d{4})-([A-Z][a-z]{2})-(\d{1,2})T/, '$3 $2 $1 '); // Hungarian "2004-július-13T9:15-05:00"
  return out.replace(/^[^\x00-\x7f]+,\s*/, '').replace(/:(\d{2})([+-]\d{2}:?\d{2})$/, ':$1 $2');
}

/** ISO 8601 UTC (`2004-01-01T19:48:21Z`) for a feed date string, or null when it cannot be read. */
export function parseFeedDate(input: string | null | undefined): string | null {
  const s = input?.trim().replace(/\s+/g, ' ');
  if (!s) return null;
  if (/[^\x00-\x7f]/.test(s)) return parseKorean(s) ?? parseRfc822(localise(s));
  return /^\d/.test(s) && !/^\d{1,2}\s+[a-z]/i.test(s)
    ? (parseIso(s) ?? parseRfc822(s))
    : (parseRfc822(s) ?? parseIso(s));
}
