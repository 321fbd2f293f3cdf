/**
 * @module web/comments/moderation
 * The moderation page (/moderation): for moderators, the comments waiting (approve, reject) and
 * the switch that makes one trip wait for everyone; for analysts and moderators, the suggested
 * corrections beside their trips (marked done once looked at). Every action is a CSRF-checked form.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Comment, User } from '../../store/index.js';
import { WebError } from '../auth/errors.js';
import { requireUser } from '../auth/http.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { reviewHref } from '../review/href.js';
import { LIMITS, type CommunityContext } from './context.js';
import { commentBody } from './render.js';
import { tripOfTarget, tripTarget } from './service.js';

type IdParams = { Params: { id: string } };

const HELD: Record<NonNullable<Comment['held']>, string> = {
  first_time: 'first comment by this author',
  links: 'many links',
  premoderated: 'trip is pre-moderated',
};

const tripLink = (target: string) => {
  const id = target.replace(/^trip:/, '');
  return html`<a href="/trips/${encodeURIComponent(id)}">${id}</a>`;
};

const action = (path: string, csrf: string, label: string) =>
  html`<form method="post" action="${path}" class="inline-form"><input type="hidden" name="_csrf" value="${csrf}" /><button type="submit">${label}</button></form>`;

function pendingItem(c: Comment, csrf: string): Html {
  const base = `/moderation/comments/${encodeURIComponent(c.id)}`;
  return html`<li>
    <p><strong>${c.name}</strong> on trip ${tripLink(c.target)} · ${c.createdAt} · ${c.held ? HELD[c.held] : ''}</p>
    ${commentBody(c.body)}
    ${action(`${base}/approve`, csrf, 'Approve')} ${action(`${base}/reject`, csrf, 'Reject')}
  </li>`;
}

function correctionItem(c: Comment, csrf: string): Html {
  return html`<li>
    <p>Trip ${tripLink(c.target)} · ${c.name} · ${c.createdAt} · ${c.state}</p>
    ${commentBody(c.body)}
    <p>Source: <a href="${c.sourceUrl ?? '#'}" rel="nofollow ugc">${c.sourceUrl ?? ''}</a></p>
    <p><a href="${reviewHref(c.target.replace(/^trip:/, ''))}">Review this trip</a></p>
    ${action(`/moderation/corrections/${encodeURIComponent(c.id)}/done`, csrf, 'Done')}
  </li>`;
}

async function moderationPage(ctx: CommunityContext, user: User, csrf: string): Promise<Html> {
  const { store } = ctx.deps;
  const corrections = await store.openCorrections({});
  const moderator = user.role === 'moderator';
  const pending = moderator ? await store.listComments({ state: 'pending', limit: 200 }) : [];
  return html`<h1>Moderation</h1>
    <p>Signed in as ${user.email} (${user.role}). ${action('/signout', csrf, 'Sign out')}</p>
    ${
      moderator
        ? html`<h2>Waiting comments (${pending.length})</h2>
          ${pending.length ? html`<ol>${pending.map((c) => pendingItem(c, csrf))}</ol>` : html`<p>None.</p>`}
          <h2>Pre-moderate a trip</h2>
          <form method="post" action="/moderation/premoderation">
            <input type="hidden" name="_csrf" value="${csrf}" />
            <p><label for="m-trip">Trip id</label><br /><input id="m-trip" name="trip_id" required /></p>
            <p><label for="m-on">Every comment waits for a moderator</label>
              <select id="m-on" name="on"><option value="1">on</option><option value="0">off</option></select></p>
            <p><button type="submit">Set</button></p>
          </form>`
        : ''
    }
    <h2>Suggested corrections (${corrections.length})</h2>
    ${corrections.length ? html`<ol>${corrections.map((c) => correctionItem(c, csrf))}</ol>` : html`<p>None.</p>`}`;
}

const page = (reply: FastifyReply, main: Html) =>
  reply
    .type('text/html; charset=utf-8')
    .send(layout({ title: 'Moderation', main, section: 'moderation' }).text);
const back = (reply: FastifyReply) => reply.code(303).header('location', '/moderation').send();

export function moderationRoutes(app: FastifyInstance, ctx: CommunityContext): void {
  const { store } = ctx.deps;
  const csrf = { preHandler: app.csrfProtection };

  app.get('/moderation', { config: LIMITS.signedIn }, async (req, reply) => {
    const user = await requireUser(ctx.accounts, req, 'analyst');
    return page(reply, await moderationPage(ctx, user, reply.generateCsrf()));
  });

  for (const decision of ['approve', 'reject'] as const)
    app.post<IdParams>(
      `/moderation/comments/:id/${decision}`,
      { config: LIMITS.moderator, ...csrf },
      async (req, reply) => {
        const user = await requireUser(ctx.accounts, req, 'moderator');
        const done = await store.decideComment({ id: req.params.id, decision, by: user.email });
        if (!done) throw new WebError('not_found', 'There is no such comment.');
        ctx.deps.log.info({ comment_id: done.id, decision, user_id: user.id }, 'comment moderated');
        return back(reply);
      },
    );

  app.post<IdParams>(
    '/moderation/corrections/:id/done',
    { config: LIMITS.signedIn, ...csrf },
    async (req, reply) => {
      const user = await requireUser(ctx.accounts, req, 'analyst');
      if (!(await store.closeCorrection({ id: req.params.id, by: user.email })))
        throw new WebError('not_found', 'There is no such open correction.');
      return back(reply);
    },
  );

  app.post('/moderation/premoderation', { config: LIMITS.moderator, ...csrf }, async (req, reply) => {
    const user = await requireUser(ctx.accounts, req, 'moderator');
    const body = z
      .object({ trip_id: z.string().trim().min(1).max(200), on: z.enum(['0', '1']) })
      .safeParse(req.body);
    if (!body.success) throw new WebError('invalid_request', 'Give a trip id and on (1) or off (0).');
    const target = tripTarget(body.data.trip_id);
    await tripOfTarget(ctx, target);
    await store.setPremoderation({ target, on: body.data.on === '1', by: user.email });
    return back(reply);
  });
}
