/**
 * @module web/response-cache
 * Whole answers of the GET routes that say `config: { cache: true }`, kept in a RenderCache
 * (web/render-cache) under the address asked and the day (pages and the API say what is current
 * "today"). Only a 200 with a text body is kept, with its type and an ETag; a request naming
 * that ETag gets 304. A kept answer is compressed once (brotli and gzip) and sent in the encoding
 * the reader accepts: a phone on a slow line gets a home page of a few kilobytes, at no cost per
 * request. A route whose answer depends on the visitor (a form carrying a CSRF token,
 * a signed-in page) must not say it: those keep parts of themselves instead (the trip page).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { etagOf, matches } from './etag.js';
import type { RenderCache } from './render-cache.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Keep this GET route's whole answer while the record is unchanged (web/response-cache). */
    cache?: boolean;
  }
  interface FastifyRequest {
    /** Set while this request makes an answer other readers wait for. */
    keepAnswer?: (answer: KeptAnswer | undefined) => void;
  }
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** One answer, in each encoding (encoded once, not at every send), each with its own ETag. */
export type KeptAnswer = {
  type: string;
  /** The route's own Cache-Control, if it gave one. */
  cacheControl?: string;
} & Record<Encoding, { body: Buffer; etag: string }>;

/** The route option of a route whose whole answer may be kept. */
export const KEPT = { config: { cache: true } } as const;

export const answerBytes = (a: KeptAnswer) => a.br.body.length + a.gzip.body.length + a.identity.body.length;

/** A text answer, compressed (brotli at a quality that takes milliseconds, not seconds). */
export function keptAnswer(text: string, type: string, cacheControl?: string): KeptAnswer {
  const identity = Buffer.from(text);
  const br = brotliCompressSync(identity, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
  });
  const gzip = gzipSync(identity, { level: 6 });
  const tag = etagOf(identity).slice(0, -1);
  return {
    type,
    ...(cacheControl ? { cacheControl } : {}),
    identity: { body: identity, etag: `${tag}"` },
    br: { body: br, etag: `${tag}-br"` },
    gzip: { body: gzip, etag: `${tag}-gz"` },
  };
}

/** The encoding to send, from an Accept-Encoding header: brotli, else gzip, unless refused (q=0). */
export function encodingFor(header: string | undefined): Encoding {
  const accepted = new Map<string, boolean>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    accepted.set(name, q === undefined || Number(q.slice(2)) > 0);
  }
  const ok = (e: string) => accepted.get(e) ?? (accepted.get('*') === true && !accepted.has(e));
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/**
 * A page made for one reader (a form with his CSRF token), compressed as he accepts it, quickly
 * (it is compressed at every request, not once): three times fewer bytes to a phone for a
 * fraction of a millisecond.
 */
export function sendOwnPage(req: FastifyRequest, reply: FastifyReply, text: string) {
  const encoding = encodingFor(req.headers['accept-encoding']);
  reply.type('text/html; charset=utf-8').header('vary', 'accept-encoding');
  if (encoding === 'identity') return reply.send(text);
  const body =
    encoding === 'br'
      ? brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })
      : gzipSync(text, { level: 1 });
  return reply.header('content-encoding', encoding).send(body);
}

/** Sends `a` as the reader accepts it, or 304 when he names its tag. */
function send(req: FastifyRequest, reply: FastifyReply, a: KeptAnswer) {
  const encoding = encodingFor(req.headers['accept-encoding']);
  const { body, etag } = a[encoding];
  reply.header('etag', etag).header('vary', 'accept-encoding');
  if (matches(req.headers['if-none-match'], etag)) return reply.code(304).send('');
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  if (a.cacheControl) reply.header('cache-control', a.cacheControl);
  return reply.type(a.type).send(body);
}

export function cacheAnswers(app: FastifyInstance, kept: RenderCache<KeptAnswer>, day: () => string): void {
  const keyOf = (req: FastifyRequest) => `${day()} ${req.url}`;
  // At preHandler, not onRequest: after the route's rate limit, so that a kept answer counts too.
  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'GET' || !req.routeOptions.config?.cache) return;
    const claim = await kept.claim(keyOf(req));
    if (!claim.done) return send(req, reply, claim.value);
    req.keepAnswer = claim.done;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const keep = req.keepAnswer;
    if (!keep) return payload;
    req.keepAnswer = undefined;
    if (reply.statusCode !== 200 || typeof payload !== 'string') {
      keep(undefined);
      return payload;
    }
    const cacheControl = reply.getHeader('cache-control');
    const answer = keptAnswer(
      payload,
      String(reply.getHeader('content-type') ?? ''),
      typeof cacheControl === 'string' ? cacheControl : undefined,
    );
    keep(answer);
    const encoding = encodingFor(req.headers['accept-encoding']);
    const { body, etag } = answer[encoding];
    reply.header('etag', etag).header('vary', 'accept-encoding');
    if (matches(req.headers['if-none-match'], etag)) {
      reply.code(304).removeHeader('content-type');
      return '';
    }
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return body;
  });
  // A request that ended without sending (an aborted connection) lets the readers it held go.
  app.addHook('onResponse', async (req) => req.keepAnswer?.(undefined));
  app.addHook('onRequestAbort', async (req) => req.keepAnswer?.(undefined));
}
