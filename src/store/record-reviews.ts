/**
 * @module store/record-reviews
 * Analysts' decisions and the audit log. A decision and its audit entry (who, when, the trips
 * before and after, why) are written in one transaction; neither is ever updated or deleted.
 */
import type { Review, ReviewAction } from '../events/index.js';
import type { StoreContext } from './context.js';
import { isoTime } from './context.js';
import type { AddReviewRequest, AuditEntry } from './record-types.js';

export async function addReview(ctx: StoreContext, req: AddReviewRequest): Promise<void> {
  const r = req.review;
  const at = isoTime(r.at, 'at');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('trip_reviews')
      .values({
        id: r.id,
        subject_id: r.subjectId,
        trip_id: r.tripId,
        articles: JSON.stringify(r.articles),
        action: JSON.stringify(r.action),
        by: r.by,
        at,
        why: r.why,
      })
      .execute();
    await trx
      .insertInto('audit_log')
      .values({
        id: ctx.newId(),
        at,
        actor: r.by,
        action: `review:${r.action.kind}`,
        target: r.tripId,
        before: JSON.stringify(req.before),
        after: JSON.stringify(req.after),
        why: r.why,
      })
      .execute();
  });
}

export async function reviewsAbout(ctx: StoreContext, req: { subjectId: string }): Promise<Review[]> {
  const rows = await ctx.db
    .selectFrom('trip_reviews')
    .selectAll()
    .where('subject_id', '=', req.subjectId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tripId: r.trip_id,
    articles: JSON.parse(r.articles) as string[],
    subjectId: r.subject_id,
    action: JSON.parse(r.action) as ReviewAction,
    by: r.by,
    at: r.at,
    why: r.why,
  }));
}

export async function auditOf(ctx: StoreContext, req: { target: string }): Promise<AuditEntry[]> {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('target', '=', req.target)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}
