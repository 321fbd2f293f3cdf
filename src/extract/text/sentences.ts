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

// ICU's iterator grows slower than linearly with its input (0.4 MB on one line took 1.5 s), so
// it is given the text in pieces of this many characters.
const PIECE = 8_192;

/**
 * The sentences of `text`, in order; with `from`, only those of the lines from the one holding
 * that offset on. The segmenter's rules (Unicode's, UAX #29) end a sentence at every line break
 * anyway; it reads the text a piece at a time, each piece starting where the last whole sentence
 * of the one before ended, so a piece boundary never cuts a sentence (a sentence longer than a
 * piece is cut: nothing in news runs that long).
 */
export function splitSentences(text: string, from = 0): Sentence[] {
  const out: Sentence[] = [];
  let pending: { start: number; end: number } | undefined;
  for (const seg of segments(text, lineOf(text, from))) {
    const { start, end } = seg;
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

/** The segmenter's sentences of `text` from `offset`, as spans of the whole text. */
function* segments(text: string, offset: number): Generator<{ start: number; end: number; segment: string }> {
  let at = offset;
  while (at < text.length) {
    const to = Math.min(text.length, at + PIECE);
    const found = [...segmenter.segment(text.slice(at, to))];
    // The last sentence of a piece may run on into the next: read it again from its start.
    const whole = to < text.length && found.length > 1 ? found.length - 1 : found.length;
    for (const seg of found.slice(0, whole))
      yield { start: at + seg.index, end: at + seg.index + seg.segment.length, segment: seg.segment };
    at = whole < found.length ? at + found[whole]!.index : to;
  }
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
