/**
 * @module ingest/dedup/normalize
 * Text normalisation, word tokens and the content hash: what two copies of one article share.
 */
import { createHash } from 'node:crypto';

// Word boundaries from ICU: spaces for Latin, Cyrillic or Arabic, a dictionary for CJK and Thai,
// which write no spaces between words. One instance, reused: building a segmenter is costly.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Folds what differs between copies of one text but not its words: Unicode form (NFKC, so
 * full-width and ligature forms match), case, punctuation, quotes and whitespace. Letters, digits
 * and combining marks are kept, so Arabic, Devanagari or Vietnamese words stay intact.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Scripts written without spaces between words: only their runs need ICU's dictionary. Every other
 * run of the normalised text (letters, marks and digits between spaces) is one word as it stands.
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * The longest piece handed to the segmenter at once. V8's segment iterator costs more per word the
 * longer its input (a 0.2 MB text took 10 s whole), so long unspaced runs are cut into pieces of
 * this size; a word that straddles a cut, once per 256 characters at most, is split in two.
 */
export const SEGMENT_CHUNK = 256;

/** The words of a text, after normalisation, in order. Linear in the length of the text. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const run of normalizeText(text).split(' ')) {
    if (!run) continue;
    if (!UNSPACED.test(run)) {
      out.push(run);
      continue;
    }
    for (let i = 0; i < run.length;) {
      let end = Math.min(i + SEGMENT_CHUNK, run.length);
      const next = run.charCodeAt(end);
      if (next >= 0xdc00 && next <= 0xdfff) end--; // never cut a surrogate pair
      for (const s of segmenter.segment(run.slice(i, end))) if (s.isWordLike) out.push(s.segment);
      i = end;
    }
  }
  return out;
}

/** SHA-256 of the normalised text, 64 hex digits: equal for copies that differ only in form. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeText(text), 'utf8').digest('hex');
}
