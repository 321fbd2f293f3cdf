/**
 * @module ingest/feeds/decode
 * Bytes to text: the size cap, the BOM, the XML declaration and the HTTP charset, through iconv-lite.
 * What a feed shares with a page (charset labels as browsers read them, the declaration's place) is
 * the fetcher's (fetch/charset); what only XML has (UTF-32, sniffing `<?xm` without a BOM) is here.
 */
import iconv from 'iconv-lite';
import { charsetFromMarkup, normalizeCharset } from '../fetch/charset.js';
import { FeedError } from './errors.js';

/** Larger bodies are refused before any parsing: no news feed needs this much, and memory is shared. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

const BOMS: [number[], string][] = [
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** Without a BOM, the first four bytes of `<?xm` still betray a UTF-16/32 document. */
const SNIFFS: [number[], string][] = [
  [[0x00, 0x00, 0x00, 0x3c], 'utf-32be'],
  [[0x3c, 0x00, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x3c, 0x00, 0x3f], 'utf-16be'],
  [[0x3c, 0x00, 0x3f, 0x00], 'utf-16le'],
];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

function charsetOf(contentType: string | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/** iconv-lite has no UTF-32; these are rare enough to decode by hand. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    out.push(cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd');
  }
  return out.join('');
}

function decodeAs(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-32be' || charset === 'utf-32le') return decodeUtf32(bytes, charset === 'utf-32le');
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

/**
 * Picks the charset the way XML 1.0 Appendix F and RFC 7303 do: a BOM wins, then the HTTP charset,
 * then the XML declaration, then UTF-8. An unknown charset name falls back to UTF-8 with a warning.
 */
export function decodeBody(body: string | Uint8Array, contentType?: string): Decoded {
  const size = typeof body === 'string' ? body.length : body.byteLength;
  if (size > MAX_FEED_BYTES)
    throw new FeedError('too_large', `feed body is ${size} bytes, over the ${MAX_FEED_BYTES}-byte cap`);
  if (typeof body === 'string') return { text: body.replace(/^\ufeff/, ''), encoding: 'utf-8', warnings: [] };
  if (body[0] === 0x1f && body[1] === 0x8b)
    throw new FeedError('not_a_feed', 'body is gzip-compressed bytes; decompress it before parsing');
  const warnings: string[] = [];
  const bom = BOMS.find(([sig]) => startsWith(body, sig));
  if (bom) return { text: decodeAs(body.subarray(bom[0].length), bom[1]), encoding: bom[1], warnings };
  const sniffed = SNIFFS.find(([sig]) => startsWith(body, sig))?.[1];
  const label = sniffed ?? charsetOf(contentType) ?? charsetFromMarkup(body)?.charset ?? 'utf-8';
  let charset = label.startsWith('utf-32') ? label : normalizeCharset(label);
  if (!charset) {
    warnings.push(`unknown charset "${label}", read as UTF-8`);
    charset = 'utf-8';
  }
  // A "UTF-16" label on bytes that are plainly ASCII-compatible is a mislabel, not a reason to garble.
  if (/^utf-?16/.test(charset) && !sniffed) charset = 'utf-8';
  return { text: decodeAs(body, charset), encoding: charset, warnings };
}
