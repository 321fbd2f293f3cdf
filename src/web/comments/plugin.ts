/**
 * @module web/comments/plugin
 * Comments, accounts and moderation as one Fastify plugin, registered by buildServer. It brings
 * the cookie, CSRF and rate-limit plugins with it, at the server's top level (not encapsulated),
 * so that the trip page can call `reply.generateCsrf()` for the comment form it shows. The secret
 * is the configured one (WW_SECRET) or one generated for this database and kept in it.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { accountRoutes } from '../account/index.js';
import { authRoutes } from '../auth/routes.js';
import { WebError } from '../auth/errors.js';
import { sessionIdOf } from '../auth/http.js';
import { deriveKeys } from '../auth/keys.js';
import type { WebDeps } from '../deps.js';
import { LIMITS, type CommunityContext } from './context.js';
import { moderationRoutes } from './moderation.js';
import { commentRoutes } from './routes.js';
import { reviewRoutes } from '../review/index.js';

/** Whom a CSRF token is made for: the session, or no session (never empty, which the token refuses). */
const tokenOwner = (req: FastifyRequest) => `session:${sessionIdOf(req) ?? ''}`;

export function commentsPlugin(deps: WebDeps) {
  const plugin = async (app: FastifyInstance) => {
    const secret = deps.secret ?? (await deps.store.siteSecret({ name: 'web' }));
    const keys = deriveKeys(secret);
    const secureCookies = deps.publicUrl.startsWith('https:');
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
    const ctx: CommunityContext = {
      deps,
      keys,
      accounts: { store: deps.store, now: deps.now },
      secureCookies,
    };
    authRoutes(app, ctx);
    commentRoutes(app, ctx);
    moderationRoutes(app, ctx);
    accountRoutes(app, ctx);
    reviewRoutes(app, ctx);
  };
  // Not encapsulated (what fastify-plugin does): the decorators above are the whole server's.
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}
