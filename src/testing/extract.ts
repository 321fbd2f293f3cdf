/**
 * @module testing/extract
 * The extractor over the real registry and lexicons for tests, and trips written as one readable
 * line each for expectations. Importing this module registers a `beforeAll` in the importing test
 * file that builds the extractor, so no test's time includes the build (a few seconds on a busy
 * machine) and the build has the hook's longer timeout.
 */
import { beforeAll } from 'vitest';
import { createExtractor, type ExtractInput } from '../extract/index.js';
import { loadExtractorData } from '../extract/load.js';
import type { ExtractedEvent } from '../model.js';
import { loadRegistry } from '../registry/index.js';

let built: ((input: ExtractInput) => ExtractedEvent[]) | undefined;

beforeAll(() => {
  built ??= createExtractor(loadRegistry(), loadExtractorData());
}, 120_000);

export function extract(input: ExtractInput): ExtractedEvent[] {
  if (!built) throw new Error('the extractor is built in beforeAll: call extract() inside a test');
  return built(input);
}

/** Trips as "subject country city status start end" lines, sorted ('-' for a missing value). */
export function tripLines(text: string, published: string | null = '2026-03-04'): string[] {
  return extract({ text, published })
    .filter((e) => e.type === 'trip')
    .map((e) => [e.subjectId, e.countryIso2, e.city ?? '-', e.status, e.start ?? '-', e.end ?? '-'].join(' '))
    .sort();
}
