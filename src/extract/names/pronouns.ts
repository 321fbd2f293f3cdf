/**
 * @module extract/names/pronouns
 * Pronouns of the article's languages, each resolved to the last person named before it.
 */
import type { Token } from '../text/index.js';
import type { Mention, MentionIndex } from './mentions.js';

/**
 * Adds a mention for every pronoun of `langs` that follows a named person, resolved to the last one
 * named. Only the article's languages count: Polish "on" is an English preposition.
 */
export function withPronouns(
  idx: MentionIndex,
  tokens: readonly Token[],
  mentions: Mention[],
  langs: ReadonlySet<string>,
): Mention[] {
  if (!mentions.length) return mentions;
  const pronouns = idx.pronouns.findAll(tokens, (lang) => langs.has(lang));
  if (!pronouns.length) return mentions;
  const all = [...mentions];
  let j = 0;
  let last: Mention | undefined;
  for (const p of pronouns) {
    while (j < mentions.length && mentions[j]!.from < p.from) last = mentions[j++];
    if (last) all.push({ subjectId: last.subjectId, from: p.from, to: p.to, via: 'pronoun' });
  }
  return all.sort((a, b) => a.from - b.from);
}
