/**
 * @module store/dump
 * The record as rows, table by table, for `export` and `import`: every table of the record in an
 * order that respects its references, each row as stored. Operational tables (sources, fetches,
 * items) and webhooks with their deliveries (their secrets) stay out.
 */
import type { StoreContext } from './context.js';
import { StoreError } from './errors.js';
import { publishedOf, storedPublished, type StoredPublished } from './published.js';
import type { DumpTable } from './record-types.js';
import type { DB } from './schema.js';

/** The tables of the record, parents first, each with its key (the order rows are read in). */
export const DUMP_TABLES = {
  articles: ['id'],
  article_records: ['article_id'],
  events: ['article_id', 'seq'],
  trips: ['id'],
  trip_history: ['trip_id', 'seq'],
  trip_evidence: ['trip_id', 'seq'],
  alerts: ['id'],
  trip_reviews: ['id'],
  audit_log: ['id'],
} as const satisfies { [T in DumpTable]: readonly (keyof DB[T] & string)[] };

export const isDumpTable = (t: string): t is DumpTable => Object.hasOwn(DUMP_TABLES, t);

export async function dumpRows(
  ctx: StoreContext,
  req: { table: DumpTable; offset: number; limit: number },
): Promise<Record<string, unknown>[]> {
  let q = ctx.db.selectFrom(req.table).selectAll();
  for (const column of DUMP_TABLES[req.table]) q = q.orderBy(column as never);
  return (await q.limit(req.limit).offset(req.offset).execute()) as Record<string, unknown>[];
}

/** An imported article's publication time in the one stored form, whatever form the file has. */
function withStoredPublished(row: Record<string, unknown>): Record<string, unknown> {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const given: StoredPublished = {
    published_at: str(row.published_at),
    published_precision: row.published_precision === 'day' ? 'day' : 'time',
    published_offset: typeof row.published_offset === 'number' ? row.published_offset : 0,
  };
  return { ...row, ...storedPublished(publishedOf(given)) };
}

/** Inserts rows not already there (by key): importing the same file twice changes nothing. */
export async function loadRows(
  ctx: StoreContext,
  req: { table: DumpTable; rows: readonly Record<string, unknown>[] },
): Promise<number> {
  if (!req.rows.length) return 0;
  const key = DUMP_TABLES[req.table] as readonly string[];
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      let added = 0;
      for (const given of req.rows) {
        const row = req.table === 'articles' ? withStoredPublished(given) : given;
        const r = await trx
          .insertInto(req.table)
          .values(row as never)
          .onConflict((oc) => oc.columns(key as never).doNothing())
          .executeTakeFirst();
        added += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    });
  } catch (e) {
    throw new StoreError('invalid_request', `cannot import into ${req.table}: ${(e as Error).message}`);
  }
}
