/**
 * @module web/comments/section
 * The trip page's comments in one call: `await tripComments(deps, tripId, { csrfToken })`, with
 * `csrfToken` from `reply.generateCsrf()` (the plugin makes it available on every route).
 */
import type { Html } from '../html.js';
import type { WebDeps } from '../deps.js';
import { commentsSection } from './render.js';
import { tripTarget } from './service.js';

export async function tripComments(
  deps: Pick<WebDeps, 'store' | 'replyMail'>,
  tripId: string,
  opts: { csrfToken: string; /** The id of the comment being answered (`?reply=`). */ replyTo?: string },
): Promise<Html> {
  const { store } = deps;
  const target = tripTarget(tripId);
  const comments = await store.listComments({ target });
  const replyTo = opts.replyTo ? comments.find((c) => c.id === opts.replyTo) : undefined;
  return commentsSection({
    action: `/trips/${encodeURIComponent(tripId)}/comments`,
    csrfToken: opts.csrfToken,
    comments,
    premoderated: await store.isPremoderated({ target }),
    replyMail: deps.replyMail === true,
    ...(replyTo ? { replyTo } : {}),
  });
}
