/**
 * @module store/ingest-log
 * Sources, fetch attempts and items: the record of what ingestion tried, got and still has to do.
 */
import type { StoreContext } from './context.js';
import { isoTime } from './context.js';
import { toFetch, toItem, toSource } from './rows.js';
import type {
  Fetch,
  Item,
  ItemState,
  RecordFetchRequest,
  Source,
  UpsertItemRequest,
  UpsertSourceRequest,
} from './types.js';

export async function upsertSource(ctx: StoreContext, req: UpsertSourceRequest): Promise<Source> {
  const values = {
    kind: req.kind,
    url: req.url,
    title: req.title ?? null,
    schedule_minutes: req.scheduleMinutes ?? null,
    enabled: req.enabled === false ? 0 : 1,
  };
  // Only the configured fields are overwritten: etag, last_fetched_at... belong to fetching.
  await ctx.db
    .insertInto('sources')
    .values({ id: req.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  return toSource(
    await ctx.db.selectFrom('sources').selectAll().where('id', '=', req.id).executeTakeFirstOrThrow(),
  );
}

export async function listSources(ctx: StoreContext, req: { enabledOnly?: boolean }): Promise<Source[]> {
  let q = ctx.db.selectFrom('sources').selectAll().orderBy('id');
  if (req.enabledOnly) q = q.where('enabled', '=', 1);
  return (await q.execute()).map(toSource);
}

/** Inserts the fetch and updates its source in one transaction: validators move with the record. */
export async function recordFetch(ctx: StoreContext, req: RecordFetchRequest): Promise<Fetch> {
  const row = {
    id: ctx.newId(),
    source_id: req.sourceId ?? null,
    url: req.url,
    fetched_at: isoTime(req.fetchedAt, 'fetchedAt'),
    status: req.status ?? null,
    raw_sha256: req.rawSha256 ?? null,
    bytes: req.bytes ?? null,
    content_type: req.contentType ?? null,
    charset: req.charset ?? null,
    outcome: req.outcome,
    error_code: req.errorCode ?? null,
    error_message: req.errorMessage ?? null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('fetches').values(row).execute();
    ctx.failpoint('fetch:inserted');
    if (!row.source_id) return;
    const failed = req.outcome === 'failed';
    await trx
      .updateTable('sources')
      .set({
        last_fetched_at: row.fetched_at,
        last_error: failed ? (req.errorMessage ?? req.errorCode ?? 'failed') : null,
        // A 304 keeps the validators it was asked with; a new body brings its own (or none).
        ...(req.outcome === 'ok' ? { etag: req.etag ?? null, last_modified: req.lastModified ?? null } : {}),
      })
      .where('id', '=', row.source_id)
      // Only a fetch of the source's own URL speaks for the source; the pages its entries link to do not.
      .where('url', '=', row.url)
      .execute();
  });
  return toFetch(row);
}

export async function upsertItem(ctx: StoreContext, req: UpsertItemRequest): Promise<Item> {
  const now = ctx.now().toISOString();
  // A page done before whose bytes have changed since (a live page updated) is work again.
  const before =
    req.rawSha256 === undefined || req.state !== undefined
      ? undefined
      : await ctx.db
          .selectFrom('items')
          .select(['raw_sha256', 'state'])
          .where('source_id', '=', req.sourceId)
          .where('url', '=', req.url)
          .executeTakeFirst();
  const changed = before?.raw_sha256 && before.raw_sha256 !== req.rawSha256 && before.state !== 'fetched';
  const state = req.state ?? (changed ? 'fetched' : undefined);
  const changes = {
    updated_at: now,
    ...(req.rawSha256 !== undefined ? { raw_sha256: req.rawSha256 } : {}),
    ...(state !== undefined ? { state } : {}),
    ...(req.error !== undefined || state !== undefined ? { error: req.error ?? null } : {}),
  };
  await ctx.db
    .insertInto('items')
    .values({
      id: ctx.newId(),
      source_id: req.sourceId,
      url: req.url,
      raw_sha256: req.rawSha256 ?? null,
      state: req.state ?? 'fetched',
      error: req.error ?? null,
      first_seen_at: now,
      updated_at: now,
      article_id: null,
    })
    .onConflict((oc) => oc.columns(['source_id', 'url']).doUpdateSet(changes))
    .execute();
  const row = await ctx.db
    .selectFrom('items')
    .selectAll()
    .where('source_id', '=', req.sourceId)
    .where('url', '=', req.url)
    .executeTakeFirstOrThrow();
  return toItem(row);
}

/** Items in one state, oldest first: the work queue of the next step. */
export async function itemsInState(
  ctx: StoreContext,
  req: { state: ItemState; sourceId?: string; limit?: number },
): Promise<Item[]> {
  let q = ctx.db.selectFrom('items').selectAll().where('state', '=', req.state);
  if (req.sourceId !== undefined) q = q.where('source_id', '=', req.sourceId);
  const rows = await q
    .orderBy('first_seen_at')
    .orderBy('id')
    .limit(req.limit ?? 1000)
    .execute();
  return rows.map(toItem);
}
