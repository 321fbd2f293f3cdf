import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from './lexicon.js';
import { tokenize } from '../text/tokens.js';

describe('lexicons', () => {
  it('load and validate every shipped language', () => {
    const lex = loadLexicons();
    expect(lex.problems).toEqual([]);
    const langs = lex.all.map((l) => l.lang);
    for (const l of ['en', 'fr', 'de', 'es', 'pt', 'it', 'ru', 'ar']) expect(langs).toContain(l);
  });

  it('skip and report an invalid file instead of failing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lex-'));
    writeFileSync(join(dir, 'xx.yaml'), 'lang: xx\ncues: {travel: [go]}\n');
    writeFileSync(join(dir, 'bad.yaml'), 'lang: 42\n');
    const lex = loadLexicons(dir);
    expect(lex.all.map((l) => l.lang)).toEqual(['xx']);
    expect(lex.problems[0]).toMatch(/^bad\.yaml/);
    expect(lex.cues.findAll(tokenize('we go')).flatMap((m) => m.values.map((v) => v.kind))).toEqual([
      'travel',
    ]);
  });
});
