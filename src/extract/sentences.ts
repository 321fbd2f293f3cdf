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

/** The sentences of `text`, in order. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let pending: { start: number; end: number } | undefined;
    for (const seg of segmenter.segment(line)) {
      const start = lineStart + seg.index;
      const end = start + seg.segment.length;
      if (pending) pending.end = end;
      else pending = { start, end };
      if (ABBREVIATION.test(seg.segment) && end < lineStart + line.length) continue;
      push(out, text, pending);
      pending = undefined;
    }
    if (pending) push(out, text, pending);
    lineStart += line.length + 1;
  }
  return out;
}

function push(out: Sentence[], text: string, span: { start: number; end: number }): void {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}
