/**
 * @module cli/commands/comments-chores
 * The comments' upkeep the watcher runs after each pass (`watch` and `serve`): the hourly purge of
 * comments no moderator decided on.
 */
import type { Config } from '../../config.js';
import { periodicPurge } from '../../jobs/comment-purge.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/index.js';

export function commentChores(config: Config, store: Store, log: Logger): () => Promise<void> {
  const purge = periodicPurge({ store, now: () => new Date() }, config.commentPurgeDays);
  return async () => {
    const purged = await purge();
    if (purged?.purged.length)
      log.info({ purged: purged.purged.length, before: purged.before }, 'stale comments purged');
  };
}
