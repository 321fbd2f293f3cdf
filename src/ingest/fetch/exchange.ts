/**
 * @module ingest/fetch/exchange
 * One HTTP request and its response, turned into a result, a redirect, a retry or a FetchError.
 */
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { ACCEPT_ENCODING, readBody } from './body.js';
import { decodeBody } from './charset.js';
import { FetchError, findFetchError } from './errors.js';
import type { FetchPolicy } from './policy.js';
import type { FetchOk, FetchOptions, FetchResult, Validators } from './types.js';

export const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8';

export type Exchange =
  | FetchResult
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'retry'; status: number; retryAfter: string | undefined };

export interface ExchangeContext {
  policy: FetchPolicy;
  dispatcher: Dispatcher;
  fetchedAt: () => string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Types we decode to text; null means "the server did not say", so we decode and sniff. */
function isTextual(contentType: string | null): boolean {
  return (
    !contentType || /^text\/|[/+](xml|json)\b|^application\/(xhtml|javascript|ecmascript)/i.test(contentType)
  );
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function requestHeaders(ctx: ExchangeContext, opts: FetchOptions): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': ctx.policy.userAgent,
    accept: opts.accept ?? DEFAULT_ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (opts.validators?.etag) h['if-none-match'] = opts.validators.etag;
  if (opts.validators?.lastModified) h['if-modified-since'] = opts.validators.lastModified;
  return h;
}

/** Performs one GET of `url` (no redirect following), all of it within policy.timeoutMs. */
export async function exchange(ctx: ExchangeContext, url: URL, opts: FetchOptions): Promise<Exchange> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), ctx.policy.timeoutMs);
  try {
    const res = await request(url, {
      dispatcher: ctx.dispatcher,
      method: 'GET',
      headers: requestHeaders(ctx, opts),
      signal: deadline.signal,
    });
    return await interpret(ctx, url, opts, res);
  } catch (err) {
    throw classify(err, url, deadline.signal.aborted, ctx.policy.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

async function interpret(
  ctx: ExchangeContext,
  url: URL,
  opts: FetchOptions,
  res: Dispatcher.ResponseData,
): Promise<Exchange> {
  const headers = flatten(res.headers);
  const status = res.statusCode;
  const validators: Validators = {};
  if (headers.etag) validators.etag = headers.etag;
  if (headers['last-modified']) validators.lastModified = headers['last-modified'];
  if (status < 200 || status >= 300 || status === 204) await res.body.dump();
  if (REDIRECTS.has(status) && headers.location)
    return { kind: 'redirect', location: headers.location, status };
  if (status === 304) {
    const kept = validators.etag || validators.lastModified ? validators : { ...opts.validators };
    return { kind: 'not_modified', url: url.href, validators: kept, fetchedAt: ctx.fetchedAt() };
  }
  if (status === 429 || status === 503) return { kind: 'retry', status, retryAfter: headers['retry-after'] };
  if (status < 200 || status >= 300)
    throw new FetchError('http_status', url.href, `HTTP ${status}`, { status });
  const { maxBytes, maxInflateRatio } = ctx.policy;
  // A declared length over the cap fails before reading; compressed or not, it could only grow.
  if (Number(headers['content-length'] ?? 0) > maxBytes) {
    res.body.destroy();
    throw new FetchError('too_large', url.href, `Content-Length over ${maxBytes} bytes`);
  }
  const bytes = await readBody(
    res.body,
    headers['content-encoding'],
    { maxBytes, maxInflateRatio },
    url.href,
  );
  const contentType = headers['content-type'] ?? null;
  const decoded = isTextual(contentType) ? decodeBody(bytes, contentType) : undefined;
  const ok: FetchOk = {
    kind: 'ok',
    url: url.href,
    status,
    headers,
    bytes,
    text: decoded?.text ?? '',
    charset: decoded?.charset ?? 'binary',
    charsetSource: decoded?.source ?? 'none',
    contentType,
    validators,
    fetchedAt: ctx.fetchedAt(),
  };
  return ok;
}

/** Every failure leaves as a FetchError naming the URL it happened on. */
function classify(err: unknown, url: URL, timedOut: boolean, timeoutMs: number): FetchError {
  const known = findFetchError(err);
  if (known)
    return known.url === url.href ? known : new FetchError(known.code, url.href, known.detail, known);
  const code = (err as { code?: unknown } | null)?.code;
  if (timedOut || (typeof code === 'string' && TIMEOUT_CODES.has(code))) {
    return new FetchError('timeout', url.href, `no complete response within ${timeoutMs} ms`, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new FetchError('network', url.href, message, { cause: err });
}
