/**
 * @module jobs/comment-purge
 * The purge of comments no moderator decided on: those pending for more than the configured days
 * (WW_COMMENT_PURGE_DAYS) are removed, for `comments purge` and for the watcher, which runs it at
 * most once an hour of its clock (its pass comes every 15 s; a purge that often is wasted work).
 */
import type { Store } from '../store/index.js';

const DAY_MS = 86_400_000;

/** How often the watcher purges. */
export const PURGE_EVERY_MS = 3_600_000;

export interface PurgeDeps {
  store: Pick<Store, 'purgePendingComments'>;
  now: () => Date;
}

export interface PurgeReport {
  /** Comments received before this instant and still pending are the ones purged. */
  before: string;
  purged: string[];
  dryRun: boolean;
}

export async function purgeStaleComments(
  deps: PurgeDeps,
  opts: { days: number; dryRun?: boolean },
): Promise<PurgeReport> {
  const before = new Date(deps.now().getTime() - opts.days * DAY_MS).toISOString();
  const dryRun = opts.dryRun ?? false;
  const { purged } = await deps.store.purgePendingComments({ createdBefore: before, dryRun });
  return { before, purged, dryRun };
}

/**
 * The watcher's purge: runs on the first call, then again once `everyMs` has passed on the clock;
 * resolves undefined when it was not yet time.
 */
export function periodicPurge(
  deps: PurgeDeps,
  days: number,
  everyMs = PURGE_EVERY_MS,
): () => Promise<PurgeReport | undefined> {
  let last = -Infinity;
  return async () => {
    const at = deps.now().getTime();
    if (at - last < everyMs) return undefined;
    last = at;
    return purgeStaleComments(deps, { days });
  };
}
