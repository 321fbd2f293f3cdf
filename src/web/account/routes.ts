/**
 * @module web/account/routes
 * GET /account/webhooks, POST /account/webhooks (add; its own, tighter rate limit) and POST
 * /account/webhooks/:id/remove, for any signed-in account. Each post is CSRF-checked; each
 * handler validates, authorises, calls the service and renders the page.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findAppError } from '../../errors.js';
import type { User } from '../../store/index.js';
import { WebError } from '../auth/errors.js';
import { requireUser } from '../auth/http.js';
import { LIMITS, type CommunityContext } from '../comments/context.js';
import { layout } from '../layout.js';
import { addWebhookForm } from './form.js';
import { accountPage, type AccountPageParts } from './render.js';
import { addUserWebhook, removeUserWebhook, webhooksOf } from './service.js';

/** Adds per client address: enough to fix a typo or two, too few to probe a network with. */
export const ADD_LIMIT = { rateLimit: { max: 10, timeWindow: 10 * 60_000 } } as const;

type Extra = Pick<AccountPageParts, 'created' | 'problem'>;

async function render(ctx: CommunityContext, reply: FastifyReply, user: User, extra: Extra, code = 200) {
  const main = accountPage({
    user,
    registry: ctx.deps.registry,
    webhooks: await webhooksOf(ctx, user),
    csrf: reply.generateCsrf(),
    httpAllowed: !ctx.secureCookies,
    ...extra,
  });
  return (
    reply
      .code(code)
      // A page that may hold a secret is never kept by a cache or the back button's copy.
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(layout({ title: 'Your webhooks', main, section: 'account' }).text)
  );
}

const urlTyped = (body: unknown) => {
  const url = (body as { url?: unknown } | undefined)?.url;
  return typeof url === 'string' ? url.slice(0, 2000) : '';
};

export function accountRoutes(app: FastifyInstance, ctx: CommunityContext): void {
  const csrf = { preHandler: app.csrfProtection };

  app.get('/account/webhooks', { config: LIMITS.signedIn }, async (req, reply) => {
    const user = await requireUser(ctx.accounts, req, 'analyst');
    return render(ctx, reply, user, {});
  });

  app.post('/account/webhooks', { config: ADD_LIMIT, ...csrf }, async (req, reply) => {
    const user = await requireUser(ctx.accounts, req, 'analyst');
    const form = addWebhookForm(ctx.secureCookies).safeParse(req.body);
    try {
      if (!form.success)
        throw new WebError('invalid_request', form.error.issues[0]?.message ?? 'Check the form.');
      const { hook, secret } = await addUserWebhook(ctx, user, form.data);
      ctx.deps.log.info({ webhook_id: hook.id, user_id: user.id }, 'webhook added');
      return await render(ctx, reply, user, { created: { id: hook.id, secret } }, 201);
    } catch (e) {
      const known = findAppError(e);
      if (!(known instanceof WebError) || known.code !== 'invalid_request') throw e;
      // The page again with the reason and the URL as typed, so it can be corrected in place.
      return render(ctx, reply, user, { problem: { message: known.message, url: urlTyped(req.body) } }, 400);
    }
  });

  app.post<{ Params: { id: string } }>(
    '/account/webhooks/:id/remove',
    { config: LIMITS.signedIn, ...csrf },
    async (req, reply) => {
      const user = await requireUser(ctx.accounts, req, 'analyst');
      await removeUserWebhook(ctx, user, req.params.id);
      ctx.deps.log.info({ webhook_id: req.params.id, user_id: user.id }, 'webhook removed');
      return reply.code(303).header('location', '/account/webhooks').send();
    },
  );
}
