/**
 * @module ingest/feeds
 * Feed parsing: RSS, RDF, Atom and JSON Feed bodies to one list of FeedEntry.
 */
export { parseFeed, type ParseFeedOptions } from './parse.js';
export type { FeedEntry, ParsedFeed } from './adapter.js';
export { FeedError, type FeedErrorCode } from './errors.js';
export { parseFeedDate } from './dates.js';
export { htmlToText } from './text.js';
export { MAX_FEED_BYTES } from './decode.js';
