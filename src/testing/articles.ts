/**
 * @module testing/articles
 * A save request for tests: the draft with its fingerprint, as ingestion makes it.
 */
import { fingerprint } from '../ingest/dedup/index.js';
import type { SaveArticleRequest } from '../store/index.js';

export function printed(req: Omit<SaveArticleRequest, 'fingerprint'>): SaveArticleRequest {
  return { ...req, fingerprint: fingerprint(req.draft.text) };
}
