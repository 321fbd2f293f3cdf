/**
 * @module extract/passes
 * Passes that rewrite the facts of an article before the event rules read them: "the country"
 * resolved, welcomes of a visit read as comments, headline infinitives read as plans.
 */
export { resolveAnaphora } from './anaphora.js';
export { headlinePlans } from './infinitive.js';
export { welcomesOfVisits } from './welcome.js';
