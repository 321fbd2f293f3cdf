/**
 * @module extract/events/warrants
 * A warrant the text says was issued ("the ICC issued a warrant for ..."), one per issuance.
 */
import type { Mention } from '../names/index.js';
import { draft, type Draft } from '../output/index.js';
import type { Context, Facts } from '../sentence/index.js';
import { dayNear, firstCue } from './days.js';

/**
 * "A warrant for Duterte's former police chief": a name that owns a title (its holder's) names
 * someone else. A subject named in the sentence only so is not the one the warrant is for.
 */
function onlyAsOwner(id: string, f: Facts, ctx: Context): boolean {
  const ms = f.mentions.filter((m) => m.subjectId === id);
  const ownsTitle = (m: Mention) =>
    ctx.tokens[m.to]?.key === 's' &&
    f.cues.some((c) => c.kind === 'attributive' && c.from > m.to && c.from - m.to <= 3);
  return ms.length > 0 && ms.every(ownsTitle);
}

/**
 * "The ICC issued warrants for X in March 2009 and July 2010": one per issuance the text tells
 * apart, by the years of the clause that tells the issuing (not those of the crimes, "between
 * 2022 and 2023", told in another).
 */
export function warrantsIn(f: Facts, ctx: Context, subjects: readonly string[]): Draft[] {
  if (!f.kinds.has('warrant') || !f.kinds.has('issue')) return [];
  const issue = firstCue(f, 'issue')!;
  const clause = f.clauses[issue.from - f.from];
  const first = f.clauses.indexOf(clause!);
  const last = f.clauses.lastIndexOf(clause!);
  const text = ctx.text.slice(ctx.tokens[f.from + first]!.start, ctx.tokens[f.from + last]!.end);
  const years = new Set(text.match(/\b(?:19|20)\d\d\b/gu) ?? []);
  const count = years.size >= 2 ? Math.min(years.size, 3) : 1;
  const day = count === 1 ? dayNear(ctx.days(f), ctx.tokens[issue.from]!.start, ctx.published) : undefined;
  return subjects
    .filter((id) => !onlyAsOwner(id, f, ctx))
    .flatMap((id) =>
      Array.from({ length: count }, () => draft('warrant_issued', id, f, { start: day?.start ?? null })),
    );
}
