/**
 * @module extract/eval/evaluate
 * Runs an extractor over labelled cases and scores what it finds.
 */
import type { Registry } from '../../model.js';
import type { LabelledCase } from './cases.js';
import { fromExtracted, type Predicted } from './events.js';
import type { Extractor } from './extractor.js';
import { subjectNames } from './names.js';
import { scoreCases, type EvalReport } from './score.js';

/** The extractor's events for each case, in the scorer's shape. */
export function predict(cases: readonly LabelledCase[], extract: Extractor): Predicted[][] {
  return cases.map((c) => extract({ text: c.text, published: c.published || null }).map(fromExtracted));
}

export function evaluate(cases: readonly LabelledCase[], extract: Extractor, reg: Registry): EvalReport {
  return scoreCases(cases, predict(cases, extract), subjectNames(reg));
}
