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

/** The words of a text, after normalisation, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(normalizeText(text))) {
    if (s.isWordLike) out.push(s.segment);
  }
  return out;
}

/** SHA-256 of the normalised text, 64 hex digits: equal for copies that differ only in form. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeText(text), 'utf8').digest('hex');
}
