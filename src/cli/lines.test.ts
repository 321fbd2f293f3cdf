import { PassThrough, Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { byteLines, lineBatches, partialCharLength, type PartialCharAtEnd } from './lines.js';

/** A small deterministic generator (mulberry32), so that every run tries the same inputs. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Line breaks, ASCII, whole characters of 2, 3 and 4 bytes (U+0A0D holds the bytes of "\r" and "\n"
// in UTF-16), a byte-order mark, and malformed bytes: stray continuation bytes, lead bytes with
// nothing after them, an encoded surrogate, overlong forms.
const ascii = ['\n', '\r', '\r\n', 'a', '{"id":1}', ' '].map((p) => Buffer.from(p));
const valid = [...ascii, ...['é', '€', '’', '😀', '\ufeff', '\u0a0d', '\u0d0a'].map((p) => Buffer.from(p))];
const pieces = [
  ...valid,
  ...[
    [0x80],
    [0xbf, 0x80],
    [0xc3],
    [0xe2, 0x82],
    [0xf0, 0x9f],
    [0xf0, 0x9f, 0x98],
    [0xed, 0xa0, 0x80],
    [0xc0, 0xaf],
    [0xff],
    [0xf8, 0x88, 0x80, 0x80, 0x80],
  ].map((p) => Buffer.from(p)),
];

/** Up to 40 pieces of one of the three sets, cut into chunks of 1 to 8 bytes. */
function randomInput(next: () => number): Buffer[] {
  const set = [ascii, valid, pieces][Math.floor(next() * 3)]!;
  const bytes = Buffer.concat(
    Array.from({ length: Math.floor(next() * 40) }, () => set[Math.floor(next() * set.length)]!),
  );
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const n = 1 + Math.floor(next() * 8);
    chunks.push(bytes.subarray(at, at + n));
    at += n;
  }
  return chunks;
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

/** What readline gave the command before: bytes decoded by readline itself, or by the stream. */
function readlineLines(chunks: (Buffer | string)[], atEnd: PartialCharAtEnd | 'strings'): Promise<string[]> {
  let input: NodeJS.ReadableStream = Readable.from(chunks);
  if (atEnd === 'replace') {
    // A file read with an encoding: the stream's decoder, which ends an unfinished character with U+FFFD.
    const decoded = new PassThrough();
    decoded.setEncoding('utf8');
    Readable.from(chunks).pipe(decoded);
    input = decoded;
  }
  return collect(createInterface({ input, crlfDelay: Infinity }));
}

async function ours(chunks: (Buffer | string)[], atEnd: PartialCharAtEnd): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of lineBatches(Readable.from(chunks), atEnd)) out.push(...batch);
  return out;
}

describe('lineBatches', () => {
  it('gives the lines readline gives, on bytes cut anywhere, malformed or not', async () => {
    const next = random(20261127);
    for (let i = 0; i < 400; i++) {
      const chunks = randomInput(next);
      for (const atEnd of ['replace', 'drop'] as const)
        expect(
          await ours(chunks, atEnd),
          `input ${i} (${atEnd}): ${Buffer.concat(chunks).toString('hex')}`,
        ).toEqual(await readlineLines(chunks, atEnd));
    }
  });

  it('gives the lines readline gives on a stream of strings, lone surrogates kept', async () => {
    const next = random(7);
    const alphabet = ['\n', '\r', '\r\n', 'a', 'é', '😀', '\ud800', ' '];
    for (let i = 0; i < 200; i++) {
      const chunks = Array.from({ length: Math.floor(next() * 10) }, () =>
        Array.from(
          { length: Math.floor(next() * 5) },
          () => alphabet[Math.floor(next() * alphabet.length)],
        ).join(''),
      );
      expect(await ours(chunks, 'drop'), JSON.stringify(chunks)).toEqual(
        await readlineLines(chunks, 'strings'),
      );
    }
  });

  it('ends a file with U+FFFD for an unfinished character, and standard input without it', async () => {
    const chunks = [Buffer.from('{"id":1}\n{"id":2}'), Buffer.from([0xe2, 0x82])];
    expect(await ours(chunks, 'replace')).toEqual(['{"id":1}', '{"id":2}\ufffd']);
    expect(await ours(chunks, 'drop')).toEqual(['{"id":1}', '{"id":2}']);
  });

  it('reads one chunk ahead of the lines it has given, however long the input', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield Buffer.from('{"id":1,"text":"x"}\n'.repeat(10));
      }
    }
    let lines = 0;
    for await (const batch of lineBatches(endless(), 'drop')) {
      lines += batch.length;
      if (lines >= 30) break;
    }
    expect(pulled).toBe(3);
  });
});

describe('partialCharLength', () => {
  it('counts the bytes of a character cut off at the end', () => {
    const len = (...b: number[]) => partialCharLength(Buffer.from(b));
    expect(len()).toBe(0);
    expect(len(0x61)).toBe(0);
    expect(len(0xc3)).toBe(1);
    expect(len(0xc3, 0xa9)).toBe(0);
    expect(len(0xe2, 0x82)).toBe(2);
    expect(len(0xf0, 0x9f, 0x98)).toBe(3);
    expect(len(0xf0, 0x9f, 0x98, 0x80)).toBe(0);
    expect(len(0x80, 0x80)).toBe(0);
    expect(len(0xff)).toBe(0);
  });
});

describe('byteLines', () => {
  it('decodes each line as Buffer#toString does, ASCII, valid and malformed alike', () => {
    const next = random(99);
    for (let i = 0; i < 3000; i++) {
      const set = [ascii, valid, pieces][i % 3]!;
      const bytes = Buffer.concat([
        ...Array.from({ length: Math.floor(next() * 12) }, () => set[Math.floor(next() * set.length)]!),
        Buffer.from('\n'),
      ]);
      const expected = bytes
        .toString('utf8')
        .split(/\r\n|\r|\n/)
        .slice(0, -1);
      expect(byteLines(bytes), bytes.toString('hex')).toEqual(expected);
    }
  });
});
