/**
 * @module extract
 * Text → ExtractedEvent[]: trips of wanted persons with their status, warrants issued, calls to
 * arrest, arrests and protests, each with the sentences that support it. `createExtractor` takes
 * the registry and the extractor's data (lexicons and cities, read by `loadExtractorData` at the
 * edge) and builds every index once; it reads no file, and the function it returns is pure.
 */
import type { ExtractedEvent } from '../model.js';
import type { Registry } from '../registry/index.js';
import { resolveAnaphora, headlinePlans, welcomesOfVisits } from './passes/index.js';
import { makeContext, subjectFacts, gatherFacts } from './sentence/index.js';
import { type Draft, mergeDrafts } from './output/index.js';
import { articleLanguages, cueVotes, cuesIn, dateLanguages, type Lexicons } from './lexicon/index.js';
import { type City, buildPlaceIndex, findPlaces } from './places/index.js';
import {
  buildMentionIndex,
  findMentions,
  withPronouns,
  withoutNamesakes,
  buildPrefilter,
} from './names/index.js';
import { arrestsIn, callsIn, protestsIn, staysOfArrests, warrantsIn } from './events/index.js';
import { lineOf, splitSentences, tokenize } from './text/index.js';
import { tripsIn } from './trips/index.js';

export interface ExtractInput {
  text: string;
  /** YYYY-MM-DD, or null when the page gives no reliable date. */
  published: string | null;
}

/** What the extractor reads besides the registry: the lexicons and the cities it knows. */
export interface ExtractorData {
  lexicons: Lexicons;
  cities: readonly City[];
}

/**
 * Where sentences start to matter: no rule finds anything before the first mention, since every
 * event needs a person named in or before its sentence, but a rule may read one sentence back.
 * So splitting (Intl.Segmenter, then the facts of each sentence) starts at the last line with
 * text before the line of the first mention, and long articles that name him late skip the rest.
 */
function readFrom(text: string, firstMention: number): number {
  let line = lineOf(text, firstMention);
  while (line > 0) {
    const previous = lineOf(text, line - 1);
    if (/\S/u.test(text.slice(previous, line - 1))) return previous;
    line = previous;
  }
  return 0;
}

export function createExtractor(
  reg: Registry,
  { lexicons: lex, cities }: ExtractorData,
): (input: ExtractInput) => ExtractedEvent[] {
  const mentionIndex = buildMentionIndex(reg, lex);
  const placeIndex = buildPlaceIndex(reg, lex, cities);
  const subjects = subjectFacts(reg);
  const mayName = buildPrefilter(reg, lex);

  return ({ text, published }) => {
    if (!mayName(text)) return [];
    const tokens = tokenize(text);
    const exact = findMentions(mentionIndex, tokens, published);
    // Most news names no wanted person: stop before the costly steps. A name with an ending glued
    // on ("Putina") is found once the article's language is known.
    if (!exact.length && !mentionIndex.inflected.size) return [];
    const everyCue = lex.cues.findEvery(tokens);
    const votes = cueVotes(everyCue);
    const own = articleLanguages(votes);
    const inflects = [...own].some((l) => mentionIndex.inflected.has(l));
    const found = inflects ? findMentions(mentionIndex, tokens, published, own) : exact;
    if (!found.length) return [];
    const named = withoutNamesakes(found, mentionIndex.notFirstNames, text, tokens, own);
    if (!named.length) return [];
    const cueMatches = cuesIn(lex.cues, tokens, everyCue, own);
    const mentions = withPronouns(mentionIndex, tokens, named, own);
    const facts = gatherFacts(
      text,
      splitSentences(text, readFrom(text, tokens[mentions[0]!.from]!.start)),
      tokens,
      mentions,
      cueMatches,
      findPlaces(placeIndex, tokens, own),
      lex.words,
      lex.genitives,
    );
    const arrestTold = facts.some((f) => f.kinds.has('arrested'));
    const ctx = makeContext(
      text,
      tokens,
      published,
      dateLanguages(lex, votes, own),
      subjects,
      lex,
      arrestTold,
      facts,
      own,
    );
    resolveAnaphora(facts, ctx);
    welcomesOfVisits(facts, ctx);
    headlinePlans(facts, ctx);

    const trips: Draft[] = facts.flatMap((f) => tripsIn(f, ctx));
    const drafts: Draft[] = [...trips];
    let last: string | undefined;
    for (const f of facts) {
      // A warrant sentence without a name is about the person the article was last speaking of.
      const subjects = f.subjects.length ? f.subjects : last ? [last] : [];
      drafts.push(
        ...warrantsIn(f, ctx, subjects),
        ...callsIn(f, ctx),
        ...arrestsIn(f, ctx),
        ...protestsIn(f, ctx, trips),
      );
      last = f.mentions.at(-1)?.subjectId ?? last;
    }
    return mergeDrafts([...drafts, ...staysOfArrests(drafts, ctx)], published);
  };
}
