/**
 * @module extract/eval/extractor
 * The extractor as the scorer and the CLI see it: any function of this shape can be scored, so
 * tests can inject a fake one.
 */
import type { ExtractedEvent, Registry } from '../../model.js';

/** What `createExtractor` of src/extract/index.ts takes for one article. */
export interface ExtractorInput {
  text: string;
  published: string | null;
}

export type Extractor = (input: ExtractorInput) => ExtractedEvent[];
export type CreateExtractor = (reg: Registry) => Extractor;
