/**
 * @module registry/normalize
 * One way to compare names: case-, accent- and punctuation-insensitive, in any script.
 * "Côte d’Ivoire", "cote d'ivoire" and "COTE DIVOIRE" all become "cote divoire".
 */

/** Lower-cases, strips diacritics and apostrophes, and turns other punctuation into single spaces. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`‘]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a normalized name. */
export function nameTokens(s: string): string[] {
  const n = normalizeName(s);
  return n ? n.split(' ') : [];
}
