/**
 * @module ingest/fetch/body
 * Reads a response body through its Content-Encoding with a size cap and a decompression-bomb guard.
 */
import { Readable, pipeline } from 'node:stream';
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { FetchError } from './errors.js';

export interface BodyLimits {
  /** Cap on the decoded (inflated) bytes. */
  maxBytes: number;
  /** Inflated bytes per received byte above which a compressed body counts as a bomb. */
  maxInflateRatio: number;
}

/** What we advertise; anything else in Content-Encoding is a server error we refuse. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Below this many inflated bytes no ratio is dangerous, and tiny pages of whitespace compress well. */
const RATIO_FLOOR = 1024 * 1024;

/** The codings applied to the body, in the order they were applied, without `identity`. */
export function parseContentEncoding(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
}

/** zlib-wrapped deflate starts with CMF/FLG where CM = 8 and the pair is a multiple of 31 (RFC 1950). */
function isZlibWrapped(head: Uint8Array | undefined): boolean {
  const [cmf, flg] = head ?? [];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

const KNOWN = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

function decoderFor(coding: string, zlibWrapped: boolean): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      // Servers often cut the gzip trailer; accept what inflated so far rather than fail the page.
      return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'deflate': // "deflate" is meant to be zlib-wrapped; some servers send it raw.
      return zlibWrapped ? zlib.createInflate() : zlib.createInflateRaw();
    default:
      return zlib.createBrotliDecompress();
  }
}

/**
 * Collects `source` (the raw body) decoded through `encoding`. The caps are checked on every chunk
 * as it comes out of the decoder, and decoding stops (destroying the connection) the moment one is
 * passed, so a bomb costs at most about one zlib chunk beyond the cap.
 */
export async function readBody(
  source: AsyncIterable<Uint8Array>,
  encoding: string | undefined,
  limits: BodyLimits,
  url: string,
): Promise<Uint8Array> {
  const codings = parseContentEncoding(encoding);
  const unknown = codings.find((c) => !KNOWN.has(c));
  if (unknown) throw new FetchError('bad_encoding', url, `unsupported Content-Encoding ${unknown}`);
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  let received = 0;
  let sourceError: unknown;
  async function* counted(): AsyncGenerator<Uint8Array> {
    try {
      for (let r = first; !r.done; r = await it.next()) {
        received += r.value.length;
        yield r.value;
      }
    } catch (err) {
      sourceError = err; // a timeout or reset, not a decoding fault: the caller classifies it
      throw err;
    } finally {
      await it.return?.();
    }
  }
  const decoders = [...codings].reverse().map((c, i) => decoderFor(c, i > 0 || isZlibWrapped(first.value)));
  const raw = Readable.from(counted(), { objectMode: false });
  const out = decoders.length ? (pipeline([raw, ...decoders], () => {}) as Transform) : raw;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of out as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (decoders.length && total > RATIO_FLOOR && total > received * limits.maxInflateRatio) {
        throw new FetchError('decompression_bomb', url, `inflated ${total} bytes from ${received}`);
      }
      if (total > limits.maxBytes)
        throw new FetchError('too_large', url, `body exceeds ${limits.maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (err) {
    raw.destroy();
    if (sourceError !== undefined) throw sourceError;
    if (err instanceof FetchError || !decoders.length) throw err;
    throw new FetchError('bad_encoding', url, `cannot decode ${codings.join(', ')} body`, { cause: err });
  }
  return Buffer.concat(chunks, total);
}
