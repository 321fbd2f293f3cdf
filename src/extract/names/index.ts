/**
 * @module extract/names
 * Finding the wanted persons an article names: the cheap first look (prefilter), names and office
 * descriptions, pronouns, and namesakes told apart.
 */
export { buildMentionIndex, findMentions, type Mention, type MentionIndex } from './mentions.js';
export { withPronouns } from './pronouns.js';
export { withoutNamesakes, type NotFirstNames } from './namesakes.js';
export { buildPrefilter } from './prefilter.js';
