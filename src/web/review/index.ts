/**
 * @module web/review
 * The analysts' review queue and review pages (/review), registered by the comments plugin beside
 * /moderation, whose accounts, CSRF and rate limits they share.
 */
export { reviewHref } from './href.js';
export { reviewRoutes } from './routes.js';
