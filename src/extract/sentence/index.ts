/**
 * @module extract/sentence
 * The sentence model the rules read: each sentence's mentions, cues, places and clauses
 * (facts), and the article context (publication date, days, words of the lexicons).
 */
export { COURT_SEAT, makeContext, subjectFacts, type Context, type SubjectFacts } from './context.js';
export { cueKinds, gatherFacts, placeFacts } from './facts.js';
export { objectOf, possessive } from './objects.js';
export type { CueHit, Facts, Place } from './types.js';
