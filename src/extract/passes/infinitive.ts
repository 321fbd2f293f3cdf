/**
 * @module extract/passes/infinitive
 * Headlines put a plan in the infinitive: "Putin to visit Turkey in April", "Netanyahu to fly to
 * Washington". A person named right before "to" (the lexicons' `infinitive` words) and a travel
 * word is going there: the "to" counts as a future cue. Only right after a name, since elsewhere "to visit" is a purpose ("flew to Ankara
 * to visit Erdogan") that tells no tense.
 */
import { type Context, cueKinds, type Facts } from '../sentence/index.js';
import type { CueKind } from '../lexicon/index.js';
import type { Token } from '../text/index.js';

const VERBS = new Set<CueKind>(['travel', 'cancel', 'remote']);

/** Adds a future cue at each "to" between a named person and a travel word; `facts` change in place. */
export function headlinePlans(facts: readonly Facts[], ctx: Context): void {
  const { tokens } = ctx;
  const to = ctx.words.infinitive;
  for (const f of facts) {
    const at = f.mentions
      .filter((m) => m.via !== 'pronoun' && to.has(tokens[m.to]?.key ?? '') && m.to + 1 < f.to)
      .filter((m) => /^ $/u.test(gap(tokens, m.to)) && /^ $/u.test(gap(tokens, m.to + 1)))
      .map((m) => m.to)
      .filter((i) => f.cues.some((c) => c.from === i + 1 && VERBS.has(c.kind)));
    if (!at.length) continue;
    f.cues = [...f.cues, ...at.map((i) => ({ kind: 'future' as const, from: i, to: i + 1 }))].sort(
      (a, b) => a.from - b.from,
    );
    f.kinds = cueKinds(f.cues);
  }
}

/** The text between token `i` and the one before it. */
const gap = (tokens: readonly Token[], i: number) => ' '.repeat(tokens[i]!.start - tokens[i - 1]!.end);
