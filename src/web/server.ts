/**
 * @module web/server
 * The web server, built from its dependencies and not started: `buildServer(deps)` gives a
 * Fastify instance the CLI listens with and tests call with `inject`. Security headers (a strict
 * Content-Security-Policy: this site's own styles, images and scripts only), form bodies, the
 * stylesheet, health checks, and one error mapping: an AppError by its status, anything else a
 * 500 that says nothing of the inside.
 */
import formbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import helmet from 'helmet';
import { join } from 'node:path';
import { findAppError } from '../errors.js';
import { projectRoot } from '../paths.js';
import { commentsPlugin } from './comments/index.js';
import { communityContext } from './comments/context.js';
import { apiRoutes } from './api/index.js';
import type { WebDeps } from './deps.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { pages } from './pages/index.js';
import { RenderCache } from './render-cache.js';
import { answerBytes, cacheAnswers, type KeptAnswer } from './response-cache.js';

/** The largest request body accepted (a comment is far smaller). */
export const BODY_LIMIT = 64 * 1024;

const STATIC_DIR = join(projectRoot, 'src', 'web', 'static');

/** How long a rendered answer may be given out without its version being moved (web/render-cache). */
const KEPT_FOR_MS = 60_000;

/** The kept answers and page parts of one server, on the record's public version. */
function renderCaches(deps: WebDeps) {
  const common = {
    version: () => deps.store.publicVersion(),
    maxAgeMs: KEPT_FOR_MS,
    clock: () => performance.now(),
  };
  return {
    answers: new RenderCache<KeptAnswer>({
      ...common,
      sizeOf: answerBytes,
      maxBytes: 64 * 2 ** 20,
      maxEntryBytes: 4 * 2 ** 20,
    }),
    parts: new RenderCache<string>({
      ...common,
      sizeOf: (s) => s.length * 2,
      maxBytes: 16 * 2 ** 20,
      maxEntryBytes: 2 ** 20,
    }),
  };
}

/** The error body of every API route: a stable code, a message, the status. */
export interface ErrorBody {
  error: { code: string; message: string; status: number };
}

/** The security headers of every answer (helmet): a strict Content-Security-Policy and the rest. */
const HEADERS = {
  contentSecurityPolicy: {
    useDefaults: false as const,
    directives: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      styleSrc: ["'self'"],
      scriptSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
  // The site links out to news articles: say where a reader came from, not what he read.
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
};
/** The headers set straight on the response, for the answers no route and no hook makes. */
const setHeaders = helmet(HEADERS);

const wantsJson = (req: FastifyRequest) =>
  req.url.startsWith('/api/') || (req.headers.accept ?? '').startsWith('application/json');

function sendError(req: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) {
  if (wantsJson(req)) {
    const body: ErrorBody = { error: { code, message, status } };
    return reply.code(status).type('application/json').send(body);
  }
  const page = layout({
    title: status === 404 ? 'Not found' : 'Something went wrong',
    main: html`<h1>${status === 404 ? 'Not found' : 'Something went wrong'}</h1>
      <p>${message}</p>
      <p><a href="/">Back to the alerts and trips</a></p>`,
  });
  return reply.code(status).type('text/html; charset=utf-8').send(page.text);
}

export async function buildServer(deps: WebDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    // Ids of our own, not the client's: a request id in the logs cannot be forged.
    genReqId: () => crypto.randomUUID(),
    // The client's address (rate limits count by it) from X-Forwarded-For only behind a known proxy.
    trustProxy: deps.trustProxy ?? false,
    // Requests are not logged one by one: a busy site would drown the pipeline's log.
    logController: new LogController({ disableRequestLogging: true }),
    // An address the router cannot read (a bad %-escape, a path parameter past its length) gets
    // the one error shape too, not Fastify's own, and without the address repeated.
    // The hooks that set the security headers do not run for these, so they are set here.
    frameworkErrors: (err, req, reply) => {
      setHeaders(req.raw, reply.raw, () => {});
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
      return sendError(
        req,
        reply,
        tooLong ? 414 : 400,
        tooLong ? 'uri_too_long' : 'bad_url',
        tooLong ? 'This address is too long.' : 'This address cannot be read.',
      );
    },
  });
  await app.register(fastifyHelmet, HEADERS);
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  const kept = renderCaches(deps);
  cacheAnswers(app, kept.answers, () => deps.now().toISOString().slice(0, 10));

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const known = findAppError(err);
    if (known) return sendError(req, reply, known.status, known.code, known.message);
    // Fastify's own 4xx (a malformed or oversized body, a bad content type) keep their status.
    const status = err.statusCode;
    if (status && status >= 400 && status < 500)
      return sendError(req, reply, status, err.code?.toLowerCase() ?? 'bad_request', err.message);
    req.log.error({ err }, 'request failed');
    return sendError(req, reply, 500, 'internal', 'The server could not answer this request.');
  });
  app.setNotFoundHandler((req, reply) =>
    sendError(req, reply, 404, 'not_found', `There is no page at ${req.url.split('?')[0]}.`),
  );

  const community = await communityContext(deps);
  await app.register(commentsPlugin(community));
  // After the comments plugin, which brings the rate limit: the stylesheet is limited like a page.
  await app.register(fastifyStatic, { root: STATIC_DIR, prefix: '/static/', index: false, dotfiles: 'deny' });
  await app.register(apiRoutes, { prefix: '/api/v1', deps, community });
  app.get('/healthz', () => ({ ok: true }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await deps.store.schemaVersion();
      return { ok: true };
    } catch {
      return reply.code(503).send({ ok: false });
    }
  });
  await app.register(pages, { ...deps, parts: kept.parts });
  return app;
}
