/**
 * @module web/comments
 * Public comments under trips, accounts and moderation: the plugin buildServer registers, and the
 * section the trip page shows.
 */
export { commentsPlugin } from './plugin.js';
export { commentsSection, type CommentsSectionParts } from './render.js';
export { tripComments } from './section.js';
export { tripTarget } from './service.js';
