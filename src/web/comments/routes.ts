/**
 * @module web/comments/routes
 * The public comment routes. Pages: GET /trips/:id/comments (the thread and the form; `?reply=`
 * answers one comment), POST /trips/:id/comments (the form, CSRF-checked), the author's delete
 * (GET asks, POST does it); the one-click unsubscribe of reply e-mails,
 * /comments/:id/unsubscribe?sig= (GET from the link, POST from a mail client's
 * List-Unsubscribe-Post: the signature is the authority, there is no form and no CSRF token).
 * Each handler: validate, authorise, one service call, respond. The JSON routes are the API's
 * (web/comments/api).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { WebError } from '../auth/errors.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { LIMITS, type CommunityContext } from './context.js';
import { parseCommentInput } from './policy.js';
import { tripComments } from './section.js';
import {
  deleteBySignature,
  postComment,
  tripOfTarget,
  tripTarget,
  unsubscribeBySignature,
  type PostResult,
} from './service.js';

type IdParams = { Params: { id: string } };

const page = (reply: FastifyReply, title: string, main: Html, status = 200) =>
  reply.code(status).type('text/html; charset=utf-8').send(layout({ title, main }).text);

const sigQuery = z.object({ sig: z.string().min(1).max(100) });
function sigOf(raw: unknown, link = 'delete'): string {
  const r = sigQuery.safeParse(raw);
  if (!r.success) throw new WebError('bad_signature', `This ${link} link is not valid.`);
  return r.data.sig;
}

function thanks(result: PostResult, tripId: string): Html {
  const back = html`<p><a href="/trips/${encodeURIComponent(tripId)}/comments">Back to the comments</a></p>`;
  if (result.comment.state === 'pending')
    return html`<h1>Thank you</h1>
      <p>Your comment is waiting for a moderator and appears once approved.</p>
      ${deleteNote(result.deleteUrl)} ${back}`;
  return html`<h1>Thank you</h1>
    <p>Your comment is published.</p>
    ${deleteNote(result.deleteUrl)} ${back}`;
}

const deleteNote = (url: string) =>
  html`<p>Keep this link if you may want to delete your comment; it is shown only once:
    <a href="${url}">${url}</a></p>`;

export function commentRoutes(app: FastifyInstance, ctx: CommunityContext): void {
  app.get<IdParams & { Querystring: { reply?: string } }>(
    '/trips/:id/comments',
    { config: LIMITS.publicRead },
    async (req, reply) => {
      await tripOfTarget(ctx, tripTarget(req.params.id));
      const section = await tripComments(ctx.deps, req.params.id, {
        csrfToken: reply.generateCsrf(),
        ...(req.query.reply ? { replyTo: req.query.reply } : {}),
      });
      return page(
        reply,
        'Comments on a trip',
        html`<h1>Comments on this trip</h1>
        <p><a href="/trips/${encodeURIComponent(req.params.id)}">The trip</a></p>${section}`,
      );
    },
  );

  app.post<IdParams>(
    '/trips/:id/comments',
    { config: LIMITS.publicWrite, preHandler: app.csrfProtection },
    async (req, reply) => {
      const input = parseCommentInput(req.body);
      const result = await postComment(ctx, { target: tripTarget(req.params.id), input });
      return page(reply, 'Thank you', thanks(result, req.params.id), 201);
    },
  );

  app.get<IdParams>('/comments/:id/delete', { config: LIMITS.publicRead }, async (req, reply) => {
    const sig = sigOf(req.query);
    if (!ctx.keys.checkDeleteSig(req.params.id, sig))
      throw new WebError('bad_signature', 'This delete link is not valid.');
    return page(
      reply,
      'Delete your comment',
      html`<h1>Delete your comment?</h1>
      <form method="post" action="/comments/${encodeURIComponent(req.params.id)}/delete">
        <input type="hidden" name="_csrf" value="${reply.generateCsrf()}" />
        <input type="hidden" name="sig" value="${sig}" />
        <p><button type="submit">Delete it</button></p>
      </form>`,
    );
  });

  app.post<IdParams>(
    '/comments/:id/delete',
    { config: LIMITS.publicWrite, preHandler: app.csrfProtection },
    async (req, reply) => {
      await deleteBySignature(ctx, req.params.id, sigOf(req.body));
      return page(reply, 'Comment deleted', html`<h1>Your comment is deleted</h1>`);
    },
  );

  app.route<IdParams>({
    method: ['GET', 'POST'],
    url: '/comments/:id/unsubscribe',
    config: LIMITS.publicWrite,
    handler: async (req, reply) => {
      await unsubscribeBySignature(ctx, req.params.id, sigOf(req.query, 'unsubscribe'));
      return page(
        reply,
        'Unsubscribed',
        html`<h1>No more e-mails about replies</h1>
          <p>Your address is no longer kept for this comment.</p>`,
      );
    },
  });
}
