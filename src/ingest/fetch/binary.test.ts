import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { binaryReason, binarySignature } from './binary.js';
import { decodeBody } from './charset.js';

/** The check as the callers make it: on the bytes and on their text, decoded as a page would be. */
const check = (bytes: Uint8Array) => binaryReason(bytes, decodeBody(bytes, null).text);

/** Deterministic noise (a linear congruential generator), standing in for random bytes. */
function noise(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0, x = seed; i < n; i++) out[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

describe('binaryReason', () => {
  it('names a known signature, whatever the file is called', () => {
    expect(check(PNG)).toBe('binary content (PNG image)');
    expect(check(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toMatch(/PDF document/);
    expect(check(Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'))).toMatch(/zip archive/);
    expect(binarySignature(Buffer.from('<html>'))).toBeUndefined();
  });

  it('refuses random bytes by their NUL and control characters', () => {
    expect(check(noise(4096))).toMatch(/^binary content \(\d+ NUL/);
    expect(check(noise(60, 3))).toMatch(/^binary content \(/);
    const noNul = Buffer.from(Array.from({ length: 400 }, (_, i) => [0x41, 0x01, 0x42, 0x02][i % 4]!));
    expect(check(noNul)).toBe('binary content (50 % control characters or undecodable bytes)');
  });

  it('refuses text full of undecodable bytes', () => {
    const bad = Buffer.concat([Buffer.from('<meta charset="utf-8">'), Buffer.alloc(200, 0xff)]);
    expect(check(bad)).toMatch(/undecodable/);
  });

  it('passes text in any script and encoding, and "MZ" at the start of a word', () => {
    expect(check(Buffer.from('Putin arrived.\r\n\tUlaanbaatar\f'))).toBeUndefined();
    expect(check(Buffer.from('MZ Airlines flew Путин 到 乌兰巴托'))).toBeUndefined();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Путин прибыл', 'utf16le')]);
    expect(check(utf16)).toBeUndefined(); // its NUL bytes are halves of characters, not NULs
    expect(check(iconv.encode('Путин прибыл в Улан-Батор', 'windows-1251'))).toBeUndefined();
  });
});
