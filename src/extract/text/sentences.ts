/**
 * @module extract/sentences
 * Sentence boundaries with Intl.Segmenter, plus line breaks: headings, captions and datelines are
 * their own lines in news text and must not run into the next sentence.
 */

export interface Sentence {
  /** Offsets into the article text, end exclusive, without surrounding white space. */
  start: number;
  end: number;
  text: string;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// Intl.Segmenter ends a sentence after "U.S." or "Jan."; these pieces belong to the next one.
const ABBREVIATION =
  /(?:\b[A-Z]\.[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Gen|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|St)\.)\s*$/u;

/**
 * The sentences of `text`, in order; with `from`, only those of the lines from the one holding
 * that offset on. One segmenter pass reads them all: its rules (Unicode's, UAX #29) end a sentence
 * at every line break anyway, and each call costs the setting up of an ICU iterator, which per
 * line was most of the cost.
 */
export function splitSentences(text: string, from = 0): Sentence[] {
  const out: Sentence[] = [];
  const offset = lineOf(text, from);
  let pending: { start: number; end: number } | undefined;
  for (const seg of segmenter.segment(offset ? text.slice(offset) : text)) {
    const start = offset + seg.index;
    const end = start + seg.segment.length;
    if (pending) pending.end = end;
    else pending = { start, end };
    // "U.S." ends a segment but not the sentence, unless the line ends there.
    if (ABBREVIATION.test(seg.segment) && !seg.segment.includes('\n') && end < text.length) continue;
    push(out, text, pending);
    pending = undefined;
  }
  if (pending) push(out, text, pending);
  return out;
}

/** The start of the line holding offset `at`. */
export function lineOf(text: string, at: number): number {
  return at > 0 ? text.lastIndexOf('\n', at - 1) + 1 : 0;
}

function push(out: Sentence[], text: string, span: { start: number; end: number }): void {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}
