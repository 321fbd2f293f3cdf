/**
 * @module ingest/fetch/binary
 * Tells binary content from text, for fetched pages and local files alike: a known file signature
 * (magic number) in the bytes, or, in the decoded text, NUL characters or a high share of control
 * characters and undecodable bytes (U+FFFD). Such content is refused, never stored as an article.
 */

/** Signatures at offset 0 (or at `at`), as bytes; the common formats a page or a file turns out to be. */
const MAGIC: { name: string; sig: number[]; at?: number }[] = [
  { name: 'PNG image', sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', sig: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', sig: [0x47, 0x49, 0x46, 0x38] },
  { name: 'WebP image', sig: [0x57, 0x45, 0x42, 0x50], at: 8 },
  { name: 'PDF document', sig: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'zip archive (or an Office document)', sig: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'empty zip archive', sig: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip data', sig: [0x1f, 0x8b] },
  { name: 'bzip2 data', sig: [0x42, 0x5a, 0x68] },
  { name: 'xz data', sig: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: '7-Zip archive', sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', sig: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'old Office document', sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'MP4 or QuickTime video', sig: [0x66, 0x74, 0x79, 0x70], at: 4 },
  { name: 'Ogg media', sig: [0x4f, 0x67, 0x67, 0x53] },
  { name: 'ELF executable', sig: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'Windows executable', sig: [0x4d, 0x5a] },
  { name: 'WebAssembly module', sig: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'SQLite database', sig: [...Buffer.from('SQLite format 3\0', 'latin1')] },
];

/** How much of the decoded text is inspected: enough to judge, linear and small on huge bodies. */
const SAMPLE_CHARS = 64 * 1024;
/** Real text, in any script, has next to no control characters or replacement characters. */
const MAX_ODD_SHARE = 0.02;

/** What the bytes' signature says they are ('PNG image'...), or undefined when none is known. */
export function binarySignature(bytes: Uint8Array): string | undefined {
  return MAGIC.find(
    ({ sig, at = 0 }) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b),
  )?.name;
}

/**
 * Why `bytes` (decoded as `text`) are binary ('binary content (PNG image)'), or undefined for text.
 * "MZ" alone is too short a signature to trust on text, so it counts only with control characters.
 */
export function binaryReason(bytes: Uint8Array, text: string): string | undefined {
  const sig = binarySignature(bytes);
  if (sig && sig !== 'Windows executable') return `binary content (${sig})`;
  const sample = text.slice(0, SAMPLE_CHARS);
  let nul = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nul++;
    // C0 controls but tab, line feed, form feed and carriage return; DEL; C1; U+FFFD.
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd)
      odd++;
  }
  if (nul) return `binary content (${nul} NUL character(s))`;
  if (sample.length && odd / sample.length > MAX_ODD_SHARE)
    return `binary content (${sig ? `${sig}, ` : ''}${Math.round((100 * odd) / sample.length)} % control characters or undecodable bytes)`;
  return undefined;
}
