/**
 * @module web/comments/section
 * The trip page's comments in one call: `await tripComments(store, tripId, { csrfToken })`, with
 * `csrfToken` from `reply.generateCsrf()` (the plugin makes it available on every route).
 */
import type { Store } from '../../store/index.js';
import type { Html } from '../html.js';
import { commentsSection } from './render.js';
import { tripTarget } from './service.js';

export async function tripComments(
  store: Pick<Store, 'listComments' | 'isPremoderated'>,
  tripId: string,
  opts: { csrfToken: string; /** The id of the comment being answered (`?reply=`). */ replyTo?: string },
): Promise<Html> {
  const target = tripTarget(tripId);
  const comments = await store.listComments({ target });
  const replyTo = opts.replyTo ? comments.find((c) => c.id === opts.replyTo) : undefined;
  return commentsSection({
    action: `/trips/${encodeURIComponent(tripId)}/comments`,
    csrfToken: opts.csrfToken,
    comments,
    premoderated: await store.isPremoderated({ target }),
    ...(replyTo ? { replyTo } : {}),
  });
}
