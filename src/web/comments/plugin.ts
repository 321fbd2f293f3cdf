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
import type { FastifyInstance } from 'fastify';
import { authRoutes } from '../auth/routes.js';
import { WebError } from '../auth/errors.js';
import { deriveKeys } from '../auth/keys.js';
import type { WebDeps } from '../deps.js';
import { LIMITS, type CommunityContext } from './context.js';
import { moderationRoutes } from './moderation.js';
import { commentRoutes } from './routes.js';

export function commentsPlugin(deps: WebDeps) {
  const plugin = async (app: FastifyInstance) => {
    const secret = deps.secret ?? (await deps.store.siteSecret({ name: 'web' }));
    const keys = deriveKeys(secret);
    const secureCookies = deps.publicUrl.startsWith('https:');
    await app.register(cookie, { secret: keys.cookieSecret });
    await app.register(csrf, {
      cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/' },
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
  };
  // Not encapsulated (what fastify-plugin does): the decorators above are the whole server's.
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}
