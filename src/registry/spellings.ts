/**
 * @module registry/spellings
 * Every way a subject's name is written: the name, the full name, the aliases and the native
 * spellings in other scripts. The one list that the extractor's prefilter, mention index and
 * namesake check and the CLI's look-up all read, so they cannot drift apart.
 */
import type { Subject } from './schema.js';

/** The subject's spellings, each once, the name first. */
export function spellingsOf(s: Subject): string[] {
  return [...new Set([s.name, s.fullName, ...s.aliases, ...s.nativeNames.map((n) => n.name)])];
}
