/**
 * @module extract/names/types
 * A wanted person named in the text.
 */

export interface Mention {
  subjectId: string;
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
  via: 'name' | 'title' | 'pronoun';
}
