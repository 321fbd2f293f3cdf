/**
 * @module store/record-events
 * The events read from each article, and the claims about one subject that merging reads back.
 */
import type { Claim } from '../events/index.js';
import type { Evidence, ExtractedEvent } from '../model.js';
import type { StoreContext } from './context.js';
import { publishedOf } from './published.js';
import type { SaveEventsRequest } from './record-types.js';

export async function saveEvents(ctx: StoreContext, req: SaveEventsRequest): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('events').where('article_id', '=', req.articleId).execute();
    if (!req.events.length) return;
    await trx
      .insertInto('events')
      .values(
        req.events.map((e, seq) => ({
          article_id: req.articleId,
          seq,
          type: e.type,
          subject_id: e.subjectId,
          country_iso2: e.countryIso2,
          city: e.city,
          start_day: e.start,
          end_day: e.end,
          status: e.status,
          confidence: e.confidence,
          evidence: JSON.stringify(e.evidence),
        })),
      )
      .execute();
  });
}

export async function claimsAbout(ctx: StoreContext, req: { subjectId: string }): Promise<Claim[]> {
  const rows = await ctx.db
    .selectFrom('events')
    .innerJoin('articles', 'articles.id', 'events.article_id')
    .selectAll('events')
    .select([
      'articles.url',
      'articles.published_at',
      'articles.published_precision',
      'articles.published_offset',
      'articles.fetched_at',
      'articles.cluster_id',
    ])
    .where('events.subject_id', '=', req.subjectId)
    .orderBy('events.article_id')
    .orderBy('events.seq')
    .execute();
  return rows.map((r) => ({
    article: {
      id: r.article_id,
      url: r.url,
      // An article that prints no date is dated by when it was read: the record's clock then.
      published: publishedOf(r) ?? r.fetched_at,
      clusterId: r.cluster_id,
    },
    event: {
      type: r.type as ExtractedEvent['type'],
      subjectId: r.subject_id,
      countryIso2: r.country_iso2,
      city: r.city,
      start: r.start_day,
      end: r.end_day,
      status: r.status as ExtractedEvent['status'],
      confidence: Number(r.confidence),
      evidence: JSON.parse(r.evidence) as Evidence[],
    },
  }));
}

export async function unrecordedArticles(ctx: StoreContext, req: { limit: number }): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('articles')
    .leftJoin('article_records', 'article_records.article_id', 'articles.id')
    .select('articles.id')
    .where('article_records.article_id', 'is', null)
    // Publication order, the record's own (an alert is raised by the first article that supports
    // it), then the URL: an order that does not depend on when or in which batch they were read.
    // Both times are ISO UTC with milliseconds (store/published), so text order is time order.
    .orderBy((eb) => eb.fn.coalesce('articles.published_at', 'articles.fetched_at'))
    .orderBy('articles.url')
    .orderBy('articles.id')
    .limit(req.limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function markRecorded(ctx: StoreContext, req: { articleId: string }): Promise<void> {
  await ctx.db
    .insertInto('article_records')
    .values({ article_id: req.articleId, recorded_at: ctx.now().toISOString() })
    .onConflict((oc) => oc.column('article_id').doNothing())
    .execute();
}
