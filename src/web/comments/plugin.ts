/**
 * @module web/comments/plugin
 * Comments, accounts and moderation as one Fastify plugin, registered by buildServer. It brings
 * the cookie, CSRF and rate-limit plugins with it, at the server's top level (not encapsulated),
 * so that the trip page can call `reply.generateCsrf()` for the comment form it shows. The comments'
 * JSON routes are the API's (web/comments/api, registered with it).
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { accountRoutes } from '../account/index.js';
import { authRoutes } from '../auth/routes.js';
import { WebError } from '../auth/errors.js';
import { sessionIdOf } from '../auth/http.js';
import { LIMITS, type CommunityContext } from './context.js';
import { moderationRoutes } from './moderation.js';
import { commentRoutes } from './routes.js';
import { reviewRoutes } from '../review/index.js';

/** Whom a CSRF token is made for: the session, or no session (never empty, which the token refuses). */
const tokenOwner = (req: FastifyRequest) => `session:${sessionIdOf(req) ?? ''}`;

export function commentsPlugin(ctx: CommunityContext) {
  const { deps, keys, secureCookies } = ctx;
  const plugin = async (app: FastifyInstance) => {
    await app.register(cookie, { secret: keys.cookieSecret });
    await app.register(csrf, {
      cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/' },
      // A token is good only with the session it was made in: another visitor's token and CSRF
      // cookie (planted from a sibling domain, say) do not work with this browser's session.
      getUserInfo: tokenOwner,
      csrfOpts: { hmacKey: keys.csrfKey },
    });
    // So every `reply.generateCsrf()` makes a token of the request's session, with nothing to remember.
    app.addHook('onRequest', async (req, reply) => {
      const generate = reply.generateCsrf.bind(reply);
      reply.generateCsrf = (opts) => generate({ ...opts, userInfo: tokenOwner(req) });
    });
    if (deps.rateLimit !== false)
      await app.register(rateLimit, {
        // Every route registered from here on is limited; one that names no group is a public read.
        global: true,
        ...LIMITS.publicRead.rateLimit,
        errorResponseBuilder: () => new WebError('rate_limited', 'Too many requests. Try again in a minute.'),
      });
    authRoutes(app, ctx);
    commentRoutes(app, ctx);
    moderationRoutes(app, ctx);
    accountRoutes(app, ctx);
    reviewRoutes(app, ctx);
  };
  // Not encapsulated (what fastify-plugin does): the decorators above are the whole server's.
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}
