/**
 * @module extract/text/endings
 * Endings that some languages glue to names and places: case endings ("Putina", "Mongolii"),
 * particles ("푸틴은"), suffixes ("Budapesten"). A word compared without its ending meets the name
 * compared without its own: both sides are cut the same way, as Cyrillic stems are (tokens.ts).
 */
import type { Token } from './tokens.js';

// A stem keeps at least this many units: "Iran" is not cut to "Ir".
const MIN_STEM = 3;

/** `key` without the first of `endings` (keys, longest first) it ends with, if enough is left. */
export function withoutEnding(key: string, endings: readonly string[]): string {
  for (const e of endings)
    if (key.length - e.length >= MIN_STEM && key.endsWith(e)) return key.slice(0, -e.length);
  return key;
}

/** The tokens with their keys cut so. */
export function withoutEndings(tokens: readonly Token[], endings: readonly string[]): Token[] {
  return tokens.map((t) => {
    const key = withoutEnding(t.key, endings);
    return key === t.key ? t : { ...t, key };
  });
}
