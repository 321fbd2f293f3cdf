/**
 * @module extract/eval
 * Scoring the extractor against labelled news excerpts (../shared/corpus/README.md): reading the
 * cases, the lenient alternatives in their notes, matching, and the scores.
 */
export {
  CaseFileError,
  eventTypes,
  issuePath,
  parseCaseLine,
  parseCases,
  splitNames,
  tripStatuses,
  type LabelledCase,
  type LabelledEvent,
} from './cases.js';
export { fromExtracted, type Predicted, type SubjectNames } from './events.js';
export { evaluate, predict } from './evaluate.js';
export type { CreateExtractor, Extractor, ExtractorInput } from './extractor.js';
export { parseLeniency, type Leniency, type LenientRule } from './lenient.js';
export { subjectNames } from './names.js';
export {
  prf,
  scoreCases,
  type Agreement,
  type EvalReport,
  type FalseAlarm,
  type Miss,
  type Prf,
  type ReportEvent,
  type Scores,
} from './score.js';
