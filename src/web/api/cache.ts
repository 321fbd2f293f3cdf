/**
 * @module web/api/cache
 * Conditional GETs: every successful GET answer carries an ETag, a hash of its body, and a
 * request whose If-None-Match names it gets 304 with no body. The record changes with every run
 * of the pipeline, so clients may keep an answer for a minute and must then ask again.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagOf, matches } from '../etag.js';

export const CACHE_CONTROL = 'public, max-age=60, must-revalidate';

/** An onSend hook: the ETag and Cache-Control of a GET's 200, and 304 when the client has it. */
export async function conditionalGet(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode !== 200) return payload;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  // An answer kept by the response cache comes with its tag: no need to hash it again.
  const etag = (reply.getHeader('etag') as string | undefined) ?? etagOf(payload);
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
  if (!matches(req.headers['if-none-match'], etag)) return payload;
  reply.code(304).removeHeader('content-type').removeHeader('content-length');
  return '';
}
