/**
 * @module extract/output
 * Drafts, as the rules propose events, and their merging into the events of an article.
 */
export { CONFIDENCE, draft, type Draft } from './draft.js';
export { mergeDrafts } from './merge.js';
