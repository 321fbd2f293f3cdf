/**
 * @module web/comments/api
 * The comments' JSON routes, part of the API (registered with it under /api/v1, so its OpenAPI
 * document describes them from the schemas that validate them): GET /comments?target=trip:<id>
 * (the published ones), POST /comments (JSON only, so a form on another site cannot post it; the
 * form's rules: web/comments/policy), DELETE /comments/:id?sig= (the author's signed delete).
 */
import { z } from 'zod';
import type { ZodApp } from '../api/types.js';
import { errorBody } from '../api/schemas.js';
import { WebError } from '../auth/errors.js';
import { LIMITS, type CommunityContext } from './context.js';
import { commentInput, parseCommentInput } from './policy.js';
import { commentJson, deleteBySignature, postComment, tripOfTarget } from './service.js';

const target = z
  .string()
  .max(300)
  .describe('What the comment is about: "trip:<trip id>"')
  .meta({ example: 'trip:PUT-2024-09-02-MN' });

const comment = z.object({
  id: z.string(),
  target: z.string(),
  parent_id: z.string().nullable(),
  kind: z.enum(['comment', 'correction']),
  name: z.string(),
  website: z.string().nullable(),
  body: z.string(),
  source_url: z.string().nullable(),
  state: z.enum(['pending', 'published', 'rejected', 'deleted']),
  created_at: z.string(),
});

/** The body as documented; its fields are checked by the form's rules (parseCommentInput). */
const postBody = z.object({ target }).and(commentInput);

export function commentApiRoutes(api: ZodApp, ctx: CommunityContext): void {
  const { store } = ctx.deps;

  api.get(
    '/comments',
    {
      config: LIMITS.publicRead,
      schema: {
        summary: 'The published comments on a trip, oldest first',
        tags: ['comments'],
        querystring: z.object({ target }),
        response: { 200: z.object({ comments: z.array(comment) }), 400: errorBody, 404: errorBody },
      },
    },
    async (req) => {
      await tripOfTarget(ctx, req.query.target);
      return { comments: (await store.listComments({ target: req.query.target })).map(commentJson) };
    },
  );

  api.post(
    '/comments',
    {
      config: LIMITS.publicWrite,
      schema: {
        summary: 'Posts a comment, as the form under a trip does',
        description:
          'Name, email and body are required; the email address is never published, nor stored. A first ' +
          "comment waits for a moderator (state pending). The answer's delete_url lets the author delete it.",
        tags: ['comments'],
        body: postBody,
        response: {
          201: z.object({ comment, delete_url: z.string() }),
          400: errorBody,
          404: errorBody,
          429: errorBody,
        },
      },
      // A form on another site posts urlencoded: refused before anything is read.
      preValidation: async (req) => {
        if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json'))
          throw new WebError('invalid_request', 'send the comment as JSON (Content-Type: application/json)');
      },
    },
    async (req, reply) => {
      const result = await postComment(ctx, { target: req.body.target, input: parseCommentInput(req.body) });
      return reply.code(201).send({ comment: commentJson(result.comment), delete_url: result.deleteUrl });
    },
  );

  api.delete(
    '/comments/:id',
    {
      config: LIMITS.publicWrite,
      schema: {
        summary: "The author's delete, through the signed link the post answered with",
        tags: ['comments'],
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ sig: z.string().min(1).max(100) }),
        response: { 204: z.null(), 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (req, reply) => {
      await deleteBySignature(ctx, req.params.id, req.query.sig);
      return reply.code(204).send(null);
    },
  );
}
