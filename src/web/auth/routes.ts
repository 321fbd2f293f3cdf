/**
 * @module web/auth/routes
 * GET /signin (the form), POST /signin (a new session each time, the old one dropped), POST
 * /signout. Both posts are CSRF-checked and sign-in has its own, tighter rate limit.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CommunityContext } from '../comments/context.js';
import { LIMITS } from '../comments/context.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { signIn, signOut } from './accounts.js';
import { findAppError } from '../../errors.js';
import { WebError } from './errors.js';
import { clearSessionCookie, sessionIdOf, setSessionCookie } from './http.js';

const credentials = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1000),
});

function signInForm(csrfToken: string, problem?: string): Html {
  return html`<h1>Sign in</h1>
    <p>For analysts and moderators.</p>
    ${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
    <form method="post" action="/signin">
      <input type="hidden" name="_csrf" value="${csrfToken}" />
      <p><label for="s-email">E-mail</label><br /><input id="s-email" name="email" type="email" required autocomplete="username" /></p>
      <p><label for="s-password">Password</label><br /><input id="s-password" name="password" type="password" required autocomplete="current-password" /></p>
      <p><button type="submit">Sign in</button></p>
    </form>`;
}

const page = (reply: FastifyReply, main: Html, status = 200) =>
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(layout({ title: 'Sign in', main }).text);

export function authRoutes(app: FastifyInstance, ctx: CommunityContext): void {
  app.get('/signin', { config: LIMITS.publicRead }, async (_req, reply) =>
    page(reply, signInForm(reply.generateCsrf())),
  );

  app.post('/signin', { config: LIMITS.signIn, preHandler: app.csrfProtection }, async (req, reply) => {
    const parsed = credentials.safeParse(req.body);
    if (!parsed.success) throw new WebError('invalid_request', 'Give an e-mail address and a password.');
    try {
      const previous = sessionIdOf(req);
      const { sessionId } = await signIn(ctx.accounts, {
        ...parsed.data,
        ...(previous ? { previousSessionId: previous } : {}),
      });
      setSessionCookie(reply, sessionId, ctx.secureCookies);
      return reply.code(303).header('location', '/moderation').send();
    } catch (e) {
      const known = findAppError(e);
      if (!(known instanceof WebError)) throw e;
      // The form again, with the reason, so a person can try again without going back.
      return page(reply, signInForm(reply.generateCsrf(), known.message), known.status);
    }
  });

  app.post('/signout', { config: LIMITS.signedIn, preHandler: app.csrfProtection }, async (req, reply) => {
    await signOut(ctx.accounts, sessionIdOf(req));
    clearSessionCookie(reply);
    return reply.code(303).header('location', '/').send();
  });
}
