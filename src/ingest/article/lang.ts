/**
 * @module ingest/article/lang
 * The language of a page as an ISO 639-1 code: declared in the markup, else detected from the text.
 */
import type { DomDocument } from './dom.js';
import { franc } from 'franc-min';
import { firstMeta, type MetaMap } from './meta.js';

/** franc-min's ISO 639-3 codes → ISO 639-1 (languages without a two-letter code are left out). */
const ISO1: Readonly<Record<string, string>> = {
  cmn: 'zh',
  spa: 'es',
  eng: 'en',
  rus: 'ru',
  arb: 'ar',
  ben: 'bn',
  hin: 'hi',
  por: 'pt',
  ind: 'id',
  jpn: 'ja',
  fra: 'fr',
  deu: 'de',
  jav: 'jv',
  kor: 'ko',
  tel: 'te',
  vie: 'vi',
  mar: 'mr',
  ita: 'it',
  tam: 'ta',
  tur: 'tr',
  urd: 'ur',
  guj: 'gu',
  pol: 'pl',
  ukr: 'uk',
  kan: 'kn',
  mal: 'ml',
  pes: 'fa',
  mya: 'my',
  swh: 'sw',
  sun: 'su',
  ron: 'ro',
  pan: 'pa',
  amh: 'am',
  hau: 'ha',
  bos: 'bs',
  hrv: 'hr',
  nld: 'nl',
  srp: 'sr',
  tha: 'th',
  ckb: 'ku',
  yor: 'yo',
  uzn: 'uz',
  zlm: 'ms',
  ibo: 'ig',
  npi: 'ne',
  tgl: 'tl',
  hun: 'hu',
  azj: 'az',
  sin: 'si',
  ell: 'el',
  ces: 'cs',
  run: 'rn',
  bel: 'be',
  plt: 'mg',
  nya: 'ny',
  pbu: 'ps',
  kin: 'rw',
  zul: 'zu',
  bul: 'bg',
  swe: 'sv',
  lin: 'ln',
  som: 'so',
  kaz: 'kk',
  ceb: 'ceb',
};
/** Below this many characters franc guesses badly; better no answer than a wrong one. */
const MIN_DETECT = 80;

/** "en-GB", "en_US", "de" → "en", "de"; anything that is not a language tag → null. */
export function languageCode(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*(?:[,;]|$)/i.exec(tag ?? '');
  if (!m) return null;
  const code = m[1]!.toLowerCase();
  return code.length === 2 ? code : (ISO1[code] ?? null);
}

/**
 * Declared first (<html lang>, og:locale, content-language, dc.language), because detection on
 * short or mixed pages is unreliable; then franc-min on up to 2,000 characters of the article text.
 */
export function findLang(doc: DomDocument, meta: MetaMap, text: string): string | null {
  const declared = [
    doc.documentElement?.getAttribute('lang'),
    doc.documentElement?.getAttribute('xml:lang'),
    firstMeta(meta, ['og:locale', 'content-language', 'dc.language', 'language', 'inlanguage']),
  ];
  for (const d of declared) {
    const code = languageCode(d);
    if (code) return code;
  }
  if (text.length < MIN_DETECT) return null;
  return ISO1[franc(text.slice(0, 2000), { minLength: MIN_DETECT })] ?? null;
}
