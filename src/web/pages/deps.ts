/**
 * @module web/pages/deps
 * What the pages are built from: the server's dependencies, and the parts of pages the server
 * keeps while the record is unchanged (web/render-cache).
 */
import type { WebDeps } from '../deps.js';
import type { RenderCache } from '../render-cache.js';

export interface PageDeps extends WebDeps {
  parts: RenderCache<string>;
}
