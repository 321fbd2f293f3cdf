/**
 * @module store/comments-mail
 * Reply e-mails: the sealed addresses of authors who asked to hear of replies, and the outbox of
 * those e-mails with their tries (the deliveries' way: claimed for a lease, retried, given up).
 * The store queues the e-mail itself when a reply is published, in the statement's transaction,
 * so that every way of publishing (the web, auto-approval, the CLI) queues it, and only once.
 */
import type { Kysely } from 'kysely';
import { commentOf } from './comments-rows.js';
import type { CommentRepository, DueReplyMail, RecordReplyMailRequest } from './comments-types.js';
import type { StoreContext } from './context.js';
import { isoTime } from './context.js';
import type { CommentsTable, DB } from './schema.js';

/** Queues the e-mail for a reply just published, when its parent's author subscribed and is another. */
export async function queueReplyMail(
  ctx: StoreContext,
  db: Kysely<DB>,
  reply: Pick<CommentsTable, 'id' | 'parent_id' | 'email_key' | 'state'>,
): Promise<void> {
  if (reply.state !== 'published' || !reply.parent_id) return;
  const parent = await db
    .selectFrom('comments')
    .innerJoin('comment_subscriptions', 'comment_subscriptions.comment_id', 'comments.id')
    .select('comments.email_key')
    .where('comments.id', '=', reply.parent_id)
    .executeTakeFirst();
  if (!parent || parent.email_key === reply.email_key) return;
  const at = ctx.now().toISOString();
  await db
    .insertInto('reply_mails')
    .values({
      id: ctx.newId(),
      reply_id: reply.id,
      parent_id: reply.parent_id,
      state: 'pending',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      sent_at: null,
      claim: null,
      created_at: at,
    })
    // Approved again after a rejection: the author has heard of this reply already.
    .onConflict((oc) => oc.column('reply_id').doNothing())
    .execute();
}

/** Wipes the addresses kept for these comments (inside the caller's transaction). */
export async function wipeSubscriptions(db: Kysely<DB>, commentIds: readonly string[]): Promise<number> {
  if (!commentIds.length) return 0;
  const r = await db
    .deleteFrom('comment_subscriptions')
    .where('comment_id', 'in', commentIds)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

async function dueReplyMails(
  ctx: StoreContext,
  req: { now: string; limit: number; leaseSeconds: number },
): Promise<DueReplyMail[]> {
  const now = isoTime(req.now, 'now');
  const { db } = ctx;
  await db
    .updateTable('reply_mails')
    .set({ state: 'dropped', claim: null })
    .where('state', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('parent_id', 'not in', eb.selectFrom('comment_subscriptions').select('comment_id')),
        eb('reply_id', 'not in', eb.selectFrom('comments').select('id').where('state', '=', 'published')),
      ]),
    )
    .execute();
  const due = db
    .selectFrom('reply_mails')
    .select('id')
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(req.limit);
  // One statement claims them: two senders at once cannot both take an e-mail.
  const claim = ctx.newId();
  const until = new Date(Date.parse(now) + req.leaseSeconds * 1000).toISOString();
  await db.updateTable('reply_mails').set({ claim, next_attempt_at: until }).where('id', 'in', due).execute();
  const rows = await db
    .selectFrom('reply_mails')
    .innerJoin('comment_subscriptions', 'comment_subscriptions.comment_id', 'reply_mails.parent_id')
    .select([
      'reply_mails.id',
      'reply_mails.attempts',
      'reply_mails.parent_id',
      'reply_mails.reply_id',
      'comment_subscriptions.sealed_address',
    ])
    .where('reply_mails.claim', '=', claim)
    .where('reply_mails.state', '=', 'pending')
    .orderBy('reply_mails.created_at')
    .orderBy('reply_mails.id')
    .execute();
  const comment = async (id: string) =>
    commentOf(await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  const out: DueReplyMail[] = [];
  for (const r of rows)
    out.push({
      id: r.id,
      attempts: Number(r.attempts),
      sealedAddress: r.sealed_address,
      parent: await comment(r.parent_id),
      reply: await comment(r.reply_id),
    });
  return out;
}

async function recordReplyMail(ctx: StoreContext, req: RecordReplyMailRequest): Promise<void> {
  const tried = ctx.db
    .updateTable('reply_mails')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), claim: null }))
    .where('id', '=', req.id)
    .where('state', '=', 'pending');
  if (req.outcome === 'sent')
    await tried.set({ state: 'sent', sent_at: isoTime(req.at, 'at'), last_error: null }).execute();
  else
    await tried
      .set({
        state: req.retryAt ? 'pending' : 'dead',
        next_attempt_at: isoTime(req.retryAt ?? req.at, 'retryAt'),
        last_error: req.error.slice(0, 1000),
      })
      .execute();
}

type ReplyMailMethods = Pick<
  CommentRepository,
  'subscribeToReplies' | 'unsubscribeFromReplies' | 'repliesSubscribed' | 'dueReplyMails' | 'recordReplyMail'
>;

export function replyMailMethods(ctx: StoreContext): ReplyMailMethods {
  return {
    subscribeToReplies: async (req) => {
      const row = {
        comment_id: req.commentId,
        sealed_address: req.sealedAddress,
        created_at: ctx.now().toISOString(),
      };
      await ctx.db
        .insertInto('comment_subscriptions')
        .values(row)
        .onConflict((oc) => oc.column('comment_id').doUpdateSet(row))
        .execute();
    },
    unsubscribeFromReplies: async (req) => (await wipeSubscriptions(ctx.db, [req.commentId])) > 0,
    repliesSubscribed: async (req) =>
      (await ctx.db
        .selectFrom('comment_subscriptions')
        .select('comment_id')
        .where('comment_id', '=', req.commentId)
        .executeTakeFirst()) !== undefined,
    dueReplyMails: (req) => dueReplyMails(ctx, req),
    recordReplyMail: (req) => recordReplyMail(ctx, req),
  };
}
