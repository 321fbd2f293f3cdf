/**
 * @module extract/cyrillic-cases
 * Russian and Ukrainian decline country names: "Южная Африка" is "в Южную Африку", "в Южной
 * Африке". Word keys cut most noun endings (tokens.ts), but not those of adjectives ("Южную",
 * "Саудовской") nor of nouns in -ия ("Аравии"), so each Cyrillic name is also indexed in its
 * other cases, every word in the same case.
 */

// Nominative ending → its accusative, genitive, dative, instrumental and prepositional forms, the
// longest ending first. Russian, then Ukrainian.
const CASES: [string, string[]][] = [
  ['ая', ['ую', 'ой', 'ой', 'ой', 'ой']],
  ['яя', ['юю', 'ей', 'ей', 'ей', 'ей']],
  ['ый', ['ый', 'ого', 'ому', 'ым', 'ом']],
  ['ий', ['ий', 'ого', 'ому', 'им', 'ом']],
  ['ой', ['ой', 'ого', 'ому', 'ым', 'ом']],
  ['ое', ['ое', 'ого', 'ому', 'ым', 'ом']],
  ['ые', ['ые', 'ых', 'ым', 'ыми', 'ых']],
  ['ие', ['ие', 'их', 'им', 'ими', 'их']],
  ['ия', ['ию', 'ии', 'ии', 'ией', 'ии']],
  ['на', ['ну', 'ної', 'ній', 'ною', 'ній']],
  ['ні', ['ні', 'них', 'ним', 'ними', 'них']],
];
const CYRILLIC = /\p{Script=Cyrillic}/u;

function declined(word: string, k: number): string {
  const rule = CASES.find(([end]) => word.length > end.length + 2 && word.endsWith(end));
  return rule ? word.slice(0, -rule[0].length) + rule[1][k]! : word;
}

/** The other cases of a Cyrillic name; none for a name in another script. */
export function caseForms(name: string): string[] {
  if (!CYRILLIC.test(name)) return [];
  const words = name.split(/(\s+|-)/u);
  const forms = [0, 1, 2, 3, 4].map((k) => words.map((w) => declined(w, k)).join(''));
  return [...new Set(forms)].filter((f) => f !== name);
}
