/**
 * @module extract/sentence/after
 * "Arrived in Hanoi after two days in North Korea", "After Hungary, he flew on to Washington": a
 * place whose stay came before is left behind, like one after "from". Only where the words between
 * tell a stay (a travel word, "two days in") or the place stands alone before a comma, since
 * "after" more often dates an act ("after Hungary quit the Court"), and never in a clause about
 * the future, where every leg is still ahead ("will fly to Laos after two days in Vietnam"). The
 * words of a stay ("days", "jours", "дней") are the lexicons' `stay` words.
 */
import type { CueKind } from '../lexicon/index.js';
import type { PlaceMention } from '../places/index.js';
import { isCapitalized } from '../text/index.js';
import type { CueHit, SentenceParts } from './types.js';

// "after a three-day state visit to China": at most this many words between.
const REACH = 6;
const BREAK = /^[^\S\n]*[,;:–—]/u;
const NEW_CLAUSE = new Set<CueKind>(['pronoun', 'arrive']);
// A stay or its end between "after" and the place: "after visiting", "after leaving South Africa".
const STAY_CUES = new Set<CueKind>(['travel', 'depart', 'meet']);

/** Whether `p` follows "after" as a stay left behind; `clauses` are those of the sentence at `from`. */
export function leftAfter(p: PlaceMention, s: SentenceParts): boolean {
  const { cues, tokens, text, clauses, from } = s;
  const clause = clauses[p.from - from];
  const inClause = (c: CueHit) => clauses[c.from - from] === clause;
  const after = cues
    .filter((c) => c.kind === 'after' && inClause(c) && c.to <= p.from && p.from - c.to <= REACH)
    .at(-1);
  if (!after || cues.some((c) => c.kind === 'future' && inClause(c))) return false;
  if (after.to === p.from) return BREAK.test(text.slice(tokens[p.to - 1]!.end));
  const between = tokens.slice(after.to, p.from);
  const inside = cues.filter((c) => c.from >= after.to && c.to <= p.from);
  // "the day after he arrived in the country": a clause of its own, where he came to. A name may
  // stand between: "after a meeting with Vladimir Putin in Moscow".
  const named = (i: number) => s.mentions.some((m) => i >= m.from && i < m.to);
  const capital = between.some((t, k) => isCapitalized(t.raw) && !named(after.to + k));
  if (capital || inside.some((c) => NEW_CLAUSE.has(c.kind))) return false;
  return inside.some((c) => STAY_CUES.has(c.kind)) || between.some((t) => s.words.stay.has(t.key));
}
