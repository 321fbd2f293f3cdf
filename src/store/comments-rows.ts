/**
 * @module store/comments-rows
 * A comment's row as the Comment the repository hands out (the e-mail key stays in the store).
 */
import type { Selectable } from 'kysely';
import type { Comment } from './comments-types.js';
import type { CommentsTable } from './schema.js';

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function commentOf(r: Selectable<CommentsTable>): Comment {
  const c: Comment = {
    id: r.id,
    target: r.target,
    kind: r.kind,
    name: r.name,
    body: r.body,
    state: r.state,
    createdAt: r.created_at,
  };
  const extra = {
    parentId: opt(r.parent_id),
    website: opt(r.website),
    sourceUrl: opt(r.source_url),
    held: opt(r.held),
    decidedAt: opt(r.decided_at),
    decidedBy: opt(r.decided_by),
    reviewState: opt(r.review_state),
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) Object.assign(c, { [k]: v });
  return c;
}
