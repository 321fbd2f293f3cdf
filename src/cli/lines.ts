/**
 * @module cli/lines
 * A stream read as lines, a chunk's worth at a time: the lines node:readline gives (`crlfDelay:
 * Infinity`), without its cost per line (an event, a promise and a regular-expression match each).
 */

import { isAscii } from 'node:buffer';
import { utf16 } from './utf8.js';

const LF = 10;
const CR = 13;

/**
 * What becomes of an unfinished UTF-8 character at the very end of the input. `replace`: one
 * U+FFFD, as a file stream read with an encoding ends; `drop`: nothing, as readline's own decoder
 * ends on a stream of bytes (standard input). Both are kept so that `extract file` and
 * `extract < file` say what they said before.
 */
export type PartialCharAtEnd = 'replace' | 'drop';

/** Splits text ending in a line break into its lines: "\n", "\r\n" and a lone "\r" each end one. */
function splitLines(text: string): string[] {
  const lines = text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r\n|\r|\n/);
  lines.pop(); // the empty remainder after the last break
  return lines;
}

/**
 * The same for encoded text: `unit` bytes a code unit (1: ASCII or UTF-8, 2: UTF-16LE), each line
 * made by `slice` from its byte range. A line is a few kilobytes, where the text of a whole chunk
 * would be a large object that V8 maps and unmaps.
 */
function splitUnits(buf: Buffer, unit: 1 | 2, slice: (start: number, end: number) => string): string[] {
  const lines: string[] = [];
  const next = (char: '\n' | '\r', from: number) => {
    const i = unit === 1 ? buf.indexOf(char.charCodeAt(0), from) : buf.indexOf(char, from, 'utf16le');
    return i < 0 ? buf.length : i;
  };
  let cr = next('\r', 0);
  let lf = next('\n', 0);
  for (let at = 0; at < buf.length;) {
    if (cr < at) cr = next('\r', at);
    if (lf < at) lf = next('\n', at);
    const end = Math.min(cr, lf);
    lines.push(slice(at, end));
    at = end + (end === cr && lf === cr + unit ? 2 * unit : unit);
  }
  return lines;
}

/** The lines of bytes that end with a line break, decoded as Buffer#toString('utf8') would. */
export function byteLines(bytes: Buffer): string[] {
  if (isAscii(bytes)) return splitUnits(bytes, 1, (s, e) => bytes.toString('latin1', s, e));
  const wide = utf16(bytes);
  if (wide) return splitUnits(wide, 2, (s, e) => wide.toString('utf16le', s, e));
  return splitUnits(bytes, 1, (s, e) => bytes.toString('utf8', s, e));
}

/** How many bytes at the end of `b` begin a UTF-8 character they do not finish (0 to 3). */
export function partialCharLength(b: Buffer): number {
  for (let i = b.length - 1, seen = 1; i >= 0 && seen <= 3; i--, seen++) {
    const x = b[i]!;
    if ((x & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = (x & 0xe0) === 0xc0 ? 2 : (x & 0xf0) === 0xe0 ? 3 : (x & 0xf8) === 0xf0 ? 4 : 0;
    return need > seen ? seen : 0;
  }
  return 0;
}

/**
 * The lines of `input`, one array per chunk read that completes a line. Buffers are decoded as
 * UTF-8 a run of whole lines at a time, so a character split between two chunks is read whole;
 * strings (a stream with an encoding) are taken as they are. A stream gives one or the other.
 */
export async function* lineBatches(
  input: AsyncIterable<Buffer | string>,
  atEnd: PartialCharAtEnd,
): AsyncGenerator<string[]> {
  let bytes: Buffer[] = []; // the unfinished line, as read
  let text = ''; // the same for a stream of strings
  let skipLF = false; // the last chunk ended with "\r": a "\n" opening this one ends no other line
  for await (const chunk of input) {
    let start = 0;
    if (skipLF) {
      skipLF = false; // (as readline: any chunk after the "\r", even an empty one, ends the wait)
      if (codeAt(chunk, 0) === LF) start = 1;
    }
    const end = lastBreak(chunk) + 1;
    if (end <= start) {
      if (typeof chunk === 'string') text += chunk.slice(start);
      else bytes.push(chunk.subarray(start));
      continue;
    }
    skipLF = end === chunk.length && codeAt(chunk, end - 1) === CR;
    if (typeof chunk === 'string') {
      const lines = splitLines(text + chunk.slice(start, end));
      text = chunk.slice(end);
      yield lines;
    } else {
      const head = chunk.subarray(start, end);
      const whole = bytes.length ? Buffer.concat([...bytes, head]) : head;
      bytes = end < chunk.length ? [chunk.subarray(end)] : [];
      yield byteLines(whole);
    }
  }
  const rest = Buffer.concat(bytes);
  const last =
    text + (atEnd === 'drop' ? rest.subarray(0, rest.length - partialCharLength(rest)) : rest).toString();
  if (last) yield [last];
}

const codeAt = (chunk: Buffer | string, i: number) =>
  typeof chunk === 'string' ? chunk.charCodeAt(i) : chunk[i];

/** Where the last line break of a chunk is, or -1. */
const lastBreak = (chunk: Buffer | string) =>
  typeof chunk === 'string'
    ? Math.max(chunk.lastIndexOf('\n'), chunk.lastIndexOf('\r'))
    : Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR));
