/**
 * @module extract/passes/welcome
 * "Welcomed", "greeted" and "received" tell an arrival when a person is welcomed ("Orbán welcomed
 * Netanyahu", "he was greeted by"), not when a visit is: "Hungary's prime minister welcomed
 * Netanyahu's planned visit to Washington" tells where he goes, not that he is there. A welcome
 * whose object, within a few words, is a travel word reached before any person not in the
 * possessive ("Netanyahu's", "his") is a comment on the visit, like "said", and no arrival.
 */
import { type Context, cueKinds, type CueHit, type Facts, possessive } from '../sentence/index.js';

// "welcomed Netanyahu's planned state visit": the travel word is at most this many words on.
const REACH = 5;

/** Whether the welcome `verb` has a visit, not a person, as its object. */
function welcomesVisit(verb: CueHit, f: Facts, ctx: Context): boolean {
  const end = Math.min(f.to, verb.to + REACH);
  const travel = f.cues.find((c) => c.kind === 'travel' && c.from >= verb.to && c.from < end);
  if (!travel) return false;
  return !f.mentions.some(
    (m) => m.from >= verb.to && m.from < travel.from && !possessive(m, ctx.tokens, ctx.words.possessives),
  );
}

/** Reads welcomes of a visit as comments, not arrivals; `facts` are changed in place. */
export function welcomesOfVisits(facts: readonly Facts[], ctx: Context): void {
  for (const f of facts) {
    const visits = f.cues.filter((c) => c.kind === 'host' && welcomesVisit(c, f, ctx));
    if (!visits.length) continue;
    // A comment on the visit: a day beside it dates the comment ("on Tuesday welcomed").
    f.cues = f.cues.map((c) =>
      c.kind === 'arrive' && visits.some((v) => v.from === c.from && v.to === c.to)
        ? { ...c, kind: 'speech' as const }
        : c,
    );
    f.kinds = cueKinds(f.cues);
  }
}
