/**
 * @module ingest/feeds/errors
 * The feed parser's one error: a stable code for callers and a message that says what and where.
 */
import { AppError } from '../../errors.js';

/** Why a body could not be read as a feed; stable strings, safe to store and to match on. */
export type FeedErrorCode = 'not_a_feed' | 'malformed' | 'empty' | 'too_large' | 'html_not_feed' | 'encoding';

/** A feed that cannot be read: a remote site's document, so a 502 to whoever asked us to read it. */
export class FeedError extends AppError {
  override readonly name = 'FeedError';
  readonly status = 502;
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    /** 1-based position in the decoded text, when the problem has one. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `${message} (line ${line}, column ${column ?? 1})`);
  }
}

/** 1-based line and column of `offset` in `text`; only called on the (rare) error path. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
