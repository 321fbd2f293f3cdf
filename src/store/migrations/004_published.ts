/**
 * @module store/migrations/004_published
 * Publication times in one form (store/published): the instant in ISO 8601 UTC with milliseconds
 * in published_at, beside its precision ('day' for a day alone) and the offset the source wrote.
 * Rows stored before held whatever form their source gave (a day, an offset, a feed's date); each
 * is rewritten, and one that cannot be read loses it (dated by its fetch, as it already was).
 */
import type { Kysely } from 'kysely';
import { storedPublishedOrNone } from '../published.js';
import type { DB } from '../schema.js';
import type { Migration } from './migration.js';

const BATCH = 1000;

async function up(raw: Kysely<unknown>): Promise<void> {
  await raw.schema.alterTable('articles').addColumn('published_precision', 'text').execute();
  await raw.schema.alterTable('articles').addColumn('published_offset', 'integer').execute();
  const db = raw as unknown as Kysely<DB>;
  // Keyset pages by id: the rows are rewritten as they are read.
  for (let after = ''; ;) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'published_at'])
      .where('id', '>', after)
      .where('published_at', 'is not', null)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const r of rows)
      await db
        .updateTable('articles')
        .set(storedPublishedOrNone(r.published_at))
        .where('id', '=', r.id)
        .execute();
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.id;
  }
}

export const published: Migration = { version: 4, name: 'published', up };
