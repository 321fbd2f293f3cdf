/**
 * @module ingest/fetch/charset
 * Finds the character encoding of a fetched body and decodes it with iconv-lite.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Where the charset came from; `guess` when nothing declared one and the bytes are not UTF-8. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml' | 'default' | 'guess';

export interface Decoded {
  text: string;
  /** The encoding used, as a lower-case label iconv-lite knows ('utf-8', 'windows-1251'...). */
  charset: string;
  source: CharsetSource;
}

/**
 * Labels that browsers (the WHATWG Encoding standard) read differently from their name: pages
 * labelled Latin-1 or ASCII are really written in windows-1252, and decoding them as such keeps
 * curly quotes and dashes that would otherwise become C1 control characters.
 */
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-sjis': 'shift_jis',
  'x-cp1251': 'windows-1251',
  'x-mac-cyrillic': 'maccyrillic',
  'iso-8859-8-i': 'iso-8859-8',
};

/** Where the meta prescan looks. The HTML standard says 1024 bytes; some CMSs emit more first. */
const PRESCAN_BYTES = 4096;

/** A label iconv-lite can decode, or undefined for an unknown or empty one. */
export function normalizeCharset(label: string | undefined | null): string | undefined {
  const l = label
    ?.trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!l) return undefined;
  const name = ALIASES[l] ?? (l === 'utf8' ? 'utf-8' : l);
  return iconv.encodingExists(name) ? name : undefined;
}

/** The `charset` parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null): string | undefined {
  const m = contentType && /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m ? normalizeCharset(m[2]) : undefined;
}

function fromBom(bytes: Uint8Array): string | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return undefined;
}

/** `<meta charset>`, `<meta http-equiv content="...; charset=">`, or `<?xml encoding=?>` near the top. */
export function charsetFromMarkup(
  bytes: Uint8Array,
): { charset: string; source: 'meta' | 'xml' } | undefined {
  // Declarations are ASCII in every encoding we read, so a byte-per-char view is enough to find them.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString(
    'latin1',
  );
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const found = xml
    ? { label: xml[1], source: 'xml' as const }
    : meta && { label: meta[1], source: 'meta' as const };
  const charset = found && normalizeCharset(found.label);
  if (!found || !charset) return undefined;
  // A document that declares UTF-16 in ASCII-readable bytes cannot be UTF-16 (HTML standard).
  return { charset: charset.startsWith('utf-16') ? 'utf-8' : charset, source: found.source };
}

/**
 * Whether `bytes` are UTF-8, allowing an incomplete last character: a body cut at a byte cap
 * ends wherever the cap fell.
 */
function looksUtf8(bytes: Uint8Array): boolean {
  if (isUtf8(bytes)) return true;
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    const b = bytes[bytes.length - cut]!;
    if (b < 0x80) return false; // the invalid byte is not in a cut sequence
    if (b >= 0xc0) return isUtf8(bytes.subarray(0, bytes.length - cut)); // the lead byte of the cut one
  }
  return false;
}

/**
 * Decodes `bytes`. Order: a byte-order mark, the Content-Type header, a declaration in the first
 * bytes, then UTF-8 when the bytes are UTF-8, else windows-1252 (the guess browsers make for
 * undeclared pages in most locales; every byte decodes, so nothing is lost). The BOM comes first, as in the HTML standard, because it is part of the bytes
 * themselves while headers are often a server default that no one set for this page.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): Decoded {
  const bom = fromBom(bytes);
  const header = charsetFromContentType(contentType);
  const markup = bom || header ? undefined : charsetFromMarkup(bytes);
  const [charset, source]: [string, CharsetSource] = bom
    ? [bom, 'bom']
    : header
      ? [header, 'header']
      : markup
        ? [markup.charset, markup.source]
        : looksUtf8(bytes)
          ? ['utf-8', 'default']
          : ['windows-1252', 'guess'];
  // iconv-lite strips the BOM by default.
  return {
    text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), charset),
    charset,
    source,
  };
}
