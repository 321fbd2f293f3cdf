/**
 * @module ingest/fetch/types
 * The shapes the fetcher hands back.
 */
import type { CharsetSource } from './charset.js';

/** What a server said about a version of a resource, to send back for a conditional GET. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchOk {
  kind: 'ok';
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** The body after Content-Encoding was undone. */
  bytes: Uint8Array;
  /** The decoded body; '' when the content type is not textual. */
  text: string;
  /** The encoding used for `text` ('binary' when not decoded). */
  charset: string;
  charsetSource: CharsetSource | 'none';
  contentType: string | null;
  validators: Validators;
  /** ISO 8601, from the injected clock. */
  fetchedAt: string;
}

export interface FetchNotModified {
  kind: 'not_modified';
  url: string;
  /** The server's validators when it sent new ones, else those we sent. */
  validators: Validators;
  fetchedAt: string;
}

export type FetchResult = FetchOk | FetchNotModified;

export interface FetchOptions {
  validators?: Validators;
  /** The Accept header; defaults to HTML, feeds and XML before anything else. */
  accept?: string;
}
