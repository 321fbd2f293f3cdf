/**
 * @module web/response-cache
 * Whole answers of the GET routes that say `config: { cache: true }`, kept in a RenderCache
 * (web/render-cache) under the address asked and the day (pages and the API say what is current
 * "today"). Only a 200 with a text body is kept, with its type and an ETag; a request naming
 * that ETag gets 304. A route whose answer depends on the visitor (a form carrying a CSRF token,
 * a signed-in page) must not say it: those keep parts of themselves instead (the trip page).
 */
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

export interface KeptAnswer {
  /** Encoded once, not at every send. */
  body: Buffer;
  type: string;
  etag: string;
}

/** The route option of a route whose whole answer may be kept. */
export const KEPT = { config: { cache: true } } as const;

export const answerBytes = (a: KeptAnswer) => a.body.length;

function send(req: FastifyRequest, reply: FastifyReply, a: KeptAnswer) {
  reply.header('etag', a.etag);
  if (matches(req.headers['if-none-match'], a.etag)) return reply.code(304).send('');
  return reply.type(a.type).send(a.body);
}

export function cacheAnswers(app: FastifyInstance, kept: RenderCache<KeptAnswer>, day: () => string): void {
  const keyOf = (req: FastifyRequest) => `${day()} ${req.url}`;
  app.addHook('onRequest', async (req, reply) => {
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
    const body = Buffer.from(payload);
    const answer = { body, type: String(reply.getHeader('content-type') ?? ''), etag: etagOf(body) };
    keep(answer);
    reply.header('etag', answer.etag);
    if (!matches(req.headers['if-none-match'], answer.etag)) return payload;
    reply.code(304).removeHeader('content-type');
    return '';
  });
  // A request that ended without sending (an aborted connection) lets the readers it held go.
  app.addHook('onResponse', async (req) => req.keepAnswer?.(undefined));
  app.addHook('onRequestAbort', async (req) => req.keepAnswer?.(undefined));
}
