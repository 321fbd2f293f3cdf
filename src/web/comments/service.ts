/**
 * @module web/comments/service
 * Posting and deleting a comment, with no HTTP in it: the one place the policy (web/comments/policy)
 * meets the store. The e-mail address goes no further than its keyed hash, unless the author asks
 * to hear of replies (and an SMTP server is configured): then it is stored sealed (web/auth/keys),
 * apart from the comment, until unsubscribed. It is never logged nor returned.
 */
import { randomUUID } from 'node:crypto';
import type { Comment } from '../../store/index.js';
import { WebError } from '../auth/errors.js';
import type { Keys } from '../auth/keys.js';
import type { CommunityContext } from './context.js';
import { countLinks, holdReason, PER_AUTHOR_PER_HOUR, type CommentInput } from './policy.js';

/** `trapped`: the honeypot was filled; nothing is stored, and the answer is the one a held comment
 * gets (a made-up id, a link that deletes nothing), so a bot cannot tell it was caught. */
export interface PostResult {
  kind: 'stored' | 'trapped';
  comment: Comment;
  deleteUrl: string;
}

export const tripTarget = (tripId: string) => `trip:${tripId}`;

/** The trip a target names, or a 404. */
export async function tripOfTarget(ctx: CommunityContext, target: string): Promise<string> {
  const m = /^trip:(.{1,200})$/.exec(target);
  if (!m) throw new WebError('invalid_request', 'target must be "trip:<trip id>"');
  if (!(await ctx.deps.store.getTrip({ id: m[1]! })))
    throw new WebError('not_found', 'There is no such trip.');
  return m[1]!;
}

export const deletePath = (ctx: CommunityContext, id: string) =>
  `/comments/${encodeURIComponent(id)}/delete?sig=${ctx.keys.deleteSig(id)}`;

export const unsubscribePath = (keys: Keys, id: string) =>
  `/comments/${encodeURIComponent(id)}/unsubscribe?sig=${keys.unsubscribeSig(id)}`;

/** Where a comment is read: its trip's page, at the comment. */
export const commentPath = (c: Pick<Comment, 'id' | 'target'>) =>
  `/trips/${encodeURIComponent(c.target.replace(/^trip:/, ''))}#comment-${encodeURIComponent(c.id)}`;

/** The links of a reply e-mail (jobs/reply-mail ReplyLinks), for the command that sends them. */
export function replyLinks(publicUrl: string, keys: Keys) {
  return {
    thread: (reply: Pick<Comment, 'id' | 'target'>) => `${publicUrl}${commentPath(reply)}`,
    unsubscribe: (commentId: string) => `${publicUrl}${unsubscribePath(keys, commentId)}`,
  };
}

export async function postComment(
  ctx: CommunityContext,
  req: { target: string; input: CommentInput },
): Promise<PostResult> {
  const { store, now, log } = ctx.deps;
  await tripOfTarget(ctx, req.target);
  const { input } = req;
  const deleteUrl = (id: string) => `${ctx.deps.publicUrl}${deletePath(ctx, id)}`;
  if (input.homepage !== undefined) {
    log.info({ target: req.target }, 'comment trapped by the honeypot');
    const comment: Comment = {
      id: randomUUID(),
      target: req.target,
      kind: input.kind,
      name: input.name,
      body: input.body,
      state: 'pending',
      createdAt: now().toISOString(),
    };
    return { kind: 'trapped', comment, deleteUrl: deleteUrl(comment.id) };
  }
  const emailKey = ctx.keys.emailKey(input.email);
  const since = new Date(now().getTime() - 3_600_000).toISOString();
  if ((await store.countAuthorComments({ emailKey, since })) >= PER_AUTHOR_PER_HOUR)
    throw new WebError(
      'rate_limited',
      'Too many comments from this author in the last hour. Try again later.',
    );
  const held = holdReason({
    premoderated: await store.isPremoderated({ target: req.target }),
    links: countLinks(input.body),
    authorApproved: await store.authorApproved({ emailKey }),
  });
  const comment = await store.addComment({
    target: req.target,
    kind: input.kind,
    name: input.name,
    emailKey,
    body: input.body,
    state: held ? 'pending' : 'published',
    createdAt: now().toISOString(),
    ...(held ? { held } : {}),
    ...(input.parent_id ? { parentId: input.parent_id } : {}),
    ...(input.website ? { website: input.website } : {}),
    ...(input.source_url ? { sourceUrl: input.source_url } : {}),
  });
  const notify = input.notify_replies === true && ctx.deps.replyMail === true;
  if (notify)
    await store.subscribeToReplies({
      commentId: comment.id,
      sealedAddress: ctx.keys.sealAddress(comment.id, input.email),
    });
  log.info(
    { comment_id: comment.id, target: req.target, state: comment.state, held, notify },
    'comment received',
  );
  return { kind: 'stored', comment, deleteUrl: deleteUrl(comment.id) };
}

/** The author's delete, by the link's signature; a 403 for a wrong one, a 404 for no comment. */
export async function deleteBySignature(ctx: CommunityContext, id: string, sig: string): Promise<void> {
  if (!ctx.keys.checkDeleteSig(id, sig))
    throw new WebError('bad_signature', 'This delete link is not valid.');
  const c = await ctx.deps.store.getComment({ id });
  if (!c) throw new WebError('not_found', 'There is no such comment.');
  await ctx.deps.store.deleteComment({ id });
  ctx.deps.log.info({ comment_id: id }, 'comment deleted by its author');
}

/** The one-click unsubscribe, by the e-mail's signed link: the kept address is wiped. */
export async function unsubscribeBySignature(ctx: CommunityContext, id: string, sig: string): Promise<void> {
  if (!ctx.keys.checkUnsubscribeSig(id, sig))
    throw new WebError('bad_signature', 'This unsubscribe link is not valid.');
  const wiped = await ctx.deps.store.unsubscribeFromReplies({ commentId: id });
  ctx.deps.log.info({ comment_id: id, wiped }, 'reply e-mails unsubscribed');
}

/** A comment as the API gives it (snake_case like the CLI's JSON); there is no e-mail to leave out. */
export function commentJson(c: Comment) {
  return {
    id: c.id,
    target: c.target,
    parent_id: c.parentId ?? null,
    kind: c.kind,
    name: c.name,
    website: c.website ?? null,
    body: c.body,
    source_url: c.sourceUrl ?? null,
    state: c.state,
    created_at: c.createdAt,
  };
}
