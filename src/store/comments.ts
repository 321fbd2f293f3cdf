/**
 * @module store/comments
 * Comments, the moderation queue, the corrections queue, pre-moderated targets and site secrets
 * over Kysely (store/comments-types).
 */
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type {
  AddCommentRequest,
  Comment,
  CommentRepository,
  CommentState,
  DecideCommentRequest,
  PurgePendingRequest,
  PurgePendingResult,
} from './comments-types.js';
import type { StoreContext } from './context.js';
import { isoTime } from './context.js';
import { StoreError, isUniqueViolation } from './errors.js';
import { commentOf } from './comments-rows.js';
import { queueReplyMail, replyMailMethods, wipeSubscriptions } from './comments-mail.js';
import type { CommentsTable } from './schema.js';

export async function addComment(ctx: StoreContext, req: AddCommentRequest): Promise<Comment> {
  if (req.parentId) {
    const parent = await getComment(ctx, { id: req.parentId });
    if (!parent || parent.target !== req.target || parent.state !== 'published')
      throw new StoreError('invalid_request', 'a reply must answer a published comment under the same trip');
  }
  const row: Selectable<CommentsTable> = {
    id: ctx.newId(),
    target: req.target,
    parent_id: req.parentId ?? null,
    kind: req.kind,
    name: req.name,
    email_key: req.emailKey,
    website: req.website ?? null,
    body: req.body,
    source_url: req.sourceUrl ?? null,
    state: req.state,
    held: req.held ?? null,
    created_at: isoTime(req.createdAt, 'createdAt'),
    decided_at: null,
    decided_by: null,
    review_state: req.kind === 'correction' ? 'open' : null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('comments').values(row).execute();
    await queueReplyMail(ctx, trx, row);
  });
  return commentOf(row);
}

export async function getComment(ctx: StoreContext, req: { id: string }): Promise<Comment | undefined> {
  const r = await ctx.db.selectFrom('comments').selectAll().where('id', '=', req.id).executeTakeFirst();
  return r ? commentOf(r) : undefined;
}

export async function listComments(
  ctx: StoreContext,
  req: { target?: string; state?: CommentState; limit?: number },
): Promise<Comment[]> {
  let q = ctx.db
    .selectFrom('comments')
    .selectAll()
    .where('state', '=', req.state ?? 'published');
  if (req.target !== undefined) q = q.where('target', '=', req.target);
  const rows = await q
    .orderBy('created_at')
    .orderBy('id')
    .limit(req.limit ?? 1000)
    .execute();
  return rows.map(commentOf);
}

export async function decideComment(
  ctx: StoreContext,
  req: DecideCommentRequest,
): Promise<Comment | undefined> {
  await ctx.db.transaction().execute(async (trx) => {
    const decided = await trx
      .updateTable('comments')
      .set({
        state: req.decision === 'approve' ? 'published' : 'rejected',
        decided_at: ctx.now().toISOString(),
        decided_by: req.by,
      })
      .where('id', '=', req.id)
      .where('state', 'in', ['pending', 'published', 'rejected'])
      .returning(['id', 'parent_id', 'email_key', 'state'])
      .executeTakeFirst();
    if (!decided) return;
    // A rejected comment is hidden and cannot be answered: the address kept for it serves nothing.
    if (decided.state === 'rejected') await wipeSubscriptions(trx, [decided.id]);
    await queueReplyMail(ctx, trx, decided);
  });
  return getComment(ctx, req);
}

/** What a tombstone keeps of a comment: its place in the thread, nothing its author wrote. */
const ERASED = { state: 'deleted', body: '', name: '', website: null, source_url: null } as const;

export async function deleteComment(ctx: StoreContext, req: { id: string }): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    await wipeSubscriptions(trx, [req.id]);
    const r = await trx
      .updateTable('comments')
      .set(ERASED)
      .where('id', '=', req.id)
      .where('state', '!=', 'deleted')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  });
}

/** Ids per statement: well under SQLite's limit on bound parameters. */
const CHUNK = 500;

/**
 * Deletes the rows outright, no tombstone: a pending comment has no reply (addComment refuses a
 * reply to a comment not published) and nobody but a moderator has seen it, so nothing refers to
 * it. Should that change, the foreign key on parent_id makes the purge fail rather than orphan.
 */
export async function purgePendingComments(
  ctx: StoreContext,
  req: PurgePendingRequest,
): Promise<PurgePendingResult> {
  const before = isoTime(req.createdBefore, 'createdBefore');
  return ctx.db.transaction().execute(async (trx) => {
    const stale = await trx
      .selectFrom('comments')
      .select('id')
      .where('state', '=', 'pending')
      .where('created_at', '<', before)
      .where((eb) => eb.or([eb('review_state', 'is', null), eb('review_state', '!=', 'open')]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const purged = stale.map((r) => r.id);
    if (!req.dryRun)
      for (let i = 0; i < purged.length; i += CHUNK) {
        const ids = purged.slice(i, i + CHUNK);
        await wipeSubscriptions(trx, ids);
        await trx.deleteFrom('comments').where('id', 'in', ids).execute();
      }
    return { purged };
  });
}

export async function authorApproved(ctx: StoreContext, req: { emailKey: string }): Promise<boolean> {
  const r = await ctx.db
    .selectFrom('comments')
    .select('id')
    .where('email_key', '=', req.emailKey)
    .where('state', '=', 'published')
    .executeTakeFirst();
  return r !== undefined;
}

export async function countAuthorComments(
  ctx: StoreContext,
  req: { emailKey: string; since: string },
): Promise<number> {
  const r = await ctx.db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email_key', '=', req.emailKey)
    .where('created_at', '>=', isoTime(req.since, 'since'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function openCorrections(ctx: StoreContext, req: { target?: string }): Promise<Comment[]> {
  let q = ctx.db
    .selectFrom('comments')
    .selectAll()
    .where('review_state', '=', 'open')
    .where('state', 'in', ['pending', 'published']);
  if (req.target !== undefined) q = q.where('target', '=', req.target);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(commentOf);
}

export async function closeCorrection(ctx: StoreContext, req: { id: string; by: string }): Promise<boolean> {
  const r = await ctx.db
    .updateTable('comments')
    .set({ review_state: 'done' })
    .where('id', '=', req.id)
    .where('review_state', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setPremoderation(
  ctx: StoreContext,
  req: { target: string; on: boolean; by: string },
): Promise<void> {
  const row = {
    target: req.target,
    premoderate: req.on ? 1 : 0,
    set_by: req.by,
    set_at: ctx.now().toISOString(),
  };
  await ctx.db
    .insertInto('comment_targets')
    .values(row)
    .onConflict((oc) => oc.column('target').doUpdateSet(row))
    .execute();
}

export async function isPremoderated(ctx: StoreContext, req: { target: string }): Promise<boolean> {
  const r = await ctx.db
    .selectFrom('comment_targets')
    .select('premoderate')
    .where('target', '=', req.target)
    .executeTakeFirst();
  return r?.premoderate === 1;
}

export async function siteSecret(ctx: StoreContext, req: { name: string }): Promise<string> {
  const get = () =>
    ctx.db.selectFrom('site_secrets').select('value').where('name', '=', req.name).executeTakeFirst();
  const found = await get();
  if (found) return found.value;
  try {
    const value = randomBytes(32).toString('hex');
    await ctx.db
      .insertInto('site_secrets')
      .values({ name: req.name, value, created_at: ctx.now().toISOString() })
      .execute();
    return value;
  } catch (e) {
    // Another process made it first: theirs is the one.
    if (!isUniqueViolation(e)) throw e;
    return (await get())!.value;
  }
}

/** The comments' part of the Store over one context (kysely-store spreads it in). */
export function commentRepository(ctx: StoreContext): CommentRepository {
  return {
    addComment: (req) => addComment(ctx, req),
    getComment: (req) => getComment(ctx, req),
    listComments: (req) => listComments(ctx, req),
    decideComment: (req) => decideComment(ctx, req),
    deleteComment: (req) => deleteComment(ctx, req),
    purgePendingComments: (req) => purgePendingComments(ctx, req),
    authorApproved: (req) => authorApproved(ctx, req),
    countAuthorComments: (req) => countAuthorComments(ctx, req),
    openCorrections: (req) => openCorrections(ctx, req),
    closeCorrection: (req) => closeCorrection(ctx, req),
    setPremoderation: (req) => setPremoderation(ctx, req),
    isPremoderated: (req) => isPremoderated(ctx, req),
    siteSecret: (req) => siteSecret(ctx, req),
    ...replyMailMethods(ctx),
  };
}
