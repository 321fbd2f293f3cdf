/**
 * @module testing/extract
 * The extractor over the real registry and lexicons, built once per test file, and trips written
 * as one readable line each for expectations.
 */
import { createExtractor, type ExtractInput } from '../extract/index.js';
import type { ExtractedEvent } from '../model.js';
import { loadRegistry } from '../registry/index.js';

let built: ((input: ExtractInput) => ExtractedEvent[]) | undefined;

export function extract(input: ExtractInput): ExtractedEvent[] {
  built ??= createExtractor(loadRegistry());
  return built(input);
}

/** Trips as "subject country city status start end" lines, sorted ('-' for a missing value). */
export function tripLines(text: string, published: string | null = '2026-03-04'): string[] {
  return extract({ text, published })
    .filter((e) => e.type === 'trip')
    .map((e) => [e.subjectId, e.countryIso2, e.city ?? '-', e.status, e.start ?? '-', e.end ?? '-'].join(' '))
    .sort();
}
