/**
 * @module extract/events/calls
 * A public demand that a state arrest the wanted person ("Ukraine urged Mongolia to arrest him").
 */
import { draft, type Draft } from '../output/index.js';
import type { Context, Facts, Place } from '../sentence/index.js';
import { firstCue } from './days.js';

/**
 * The state called on to arrest: the first named after the call, else the nearest before it in the
 * same clause ("Mongolia was urged to arrest him"). A state in an earlier clause is where he goes
 * despite the call ("he will visit China on Monday, despite the Court's demand for his arrest").
 */
function target(f: Facts, ctx: Context, subjectId: string, at: number): Place | undefined {
  const home = ctx.nationality(subjectId);
  const scene = ctx.crimeScene(subjectId);
  const ok = f.places.filter((p) => p.iso2 !== home && !scene.has(p.iso2));
  const clause = f.clauses[at - f.from];
  return ok.find((p) => p.from >= at) ?? ok.filter((p) => p.from < at && p.clause === clause).at(-1);
}

export function callsIn(f: Facts, ctx: Context): Draft[] {
  const call = firstCue(f, 'call');
  if (!call || !f.kinds.has('arrestVerb')) return [];
  return f.subjects.flatMap((id) => {
    const p = target(f, ctx, id, call.from);
    return p ? [draft('call_to_arrest', id, f, { iso2: p.iso2 })] : [];
  });
}
