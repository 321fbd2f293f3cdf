/**
 * @module store/public-version
 * The version of what the public sees: a counter moved on after every write to trips, alerts,
 * reviews or comments, by any process sharing the database (a CLI `review`, a worker, the web's
 * own forms). A reader that finds it unchanged knows its rendered pages are still true.
 *
 * It moves after the write commits, never before: a reader that sees the new version sees the
 * write. A crash between the two leaves it behind until the next write; readers bound that by a
 * maximum age of what they keep (web/render-cache).
 */
import { sql } from 'kysely';
import type { StoreContext } from './context.js';

export async function publicVersion(ctx: StoreContext): Promise<number> {
  const r = await ctx.db
    .selectFrom('public_version')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirst();
  return r?.version ?? 0;
}

export async function movePublicVersion(ctx: StoreContext): Promise<void> {
  await ctx.db
    .updateTable('public_version')
    .set({ version: sql`version + 1` })
    .where('id', '=', 1)
    .execute();
}

/** `write`, then the version moved on: for the store's methods whose writes the public sees. */
export const seenByPublic =
  <A extends unknown[], R>(ctx: StoreContext, write: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    const result = await write(...args);
    await movePublicVersion(ctx);
    return result;
  };
