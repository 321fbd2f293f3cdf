import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from './index.js';
import { tokenize } from '../text/tokens.js';

describe('lexicons', () => {
  it('load and validate every shipped language', () => {
    const lex = loadLexicons();
    expect(lex.problems).toEqual([]);
    const langs = lex.all.map((l) => l.lang);
    for (const l of ['en', 'fr', 'de', 'es', 'pt', 'it', 'ru', 'ar']) expect(langs).toContain(l);
  });

  it('skip and report a file that names no valid language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lex-'));
    writeFileSync(join(dir, 'xx.yaml'), 'lang: xx\ncues: {travel: [go]}\n');
    writeFileSync(join(dir, 'bad.yaml'), 'lang: 42\n');
    const lex = loadLexicons(dir);
    expect(lex.all.map((l) => l.lang)).toEqual(['xx']);
    expect(lex.problems[0]).toMatch(/^bad\.yaml: lang: /);
    expect(lex.cues.findAll(tokenize('we go')).flatMap((m) => m.values.map((v) => v.kind))).toEqual([
      'travel',
    ]);
  });

  it('leave out a bad entry alone, keep the rest of its file, and name the entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lex-'));
    writeFileSync(
      join(dir, 'xx.yaml'),
      [
        'lang: xx',
        'cues: {travel: [go, 7, ride], colour: [red]}',
        'titles: [{text: the boss, country: RU, kind: head_of_state}, {text: bad, country: RUS, kind: x}]',
        'numbers: {two: 2, many: lots}',
        'durations: ["{n} days", "(unclosed {n}", "no number"]',
        'dates: {patterns: ["(?<day>\\\\d+)", "(?<day>"]}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'yy.yaml'), 'lang: yy\ncues: [unclosed\n');
    const lex = loadLexicons(dir);
    expect(lex.all.map((l) => l.lang)).toEqual(['xx']);
    const [xx] = lex.all;
    expect(xx!.cues.travel).toEqual(['go', 'ride']);
    expect(xx!.titles.map((t) => t.text)).toEqual(['the boss']);
    expect(xx!.numbers).toEqual({ two: 2 });
    expect(lex.durations).toHaveLength(1);
    expect(lex.datePatterns).toHaveLength(1);
    expect(lex.problems).toEqual([
      expect.stringMatching(/^xx\.yaml: cues\.travel\.1: .*; left out$/),
      'xx.yaml: cues: Unrecognized key: "colour"; left out',
      expect.stringMatching(/^xx\.yaml: titles\.1\.country: .*; left out$/),
      expect.stringMatching(/^xx\.yaml: numbers\.many: .*; left out$/),
      expect.stringMatching(/^yy\.yaml: not valid YAML .*; left out$/),
      expect.stringMatching(/^xx\.yaml: dates\.patterns "\(\?<day>": .*; left out$/),
      expect.stringMatching(/^xx\.yaml: durations "\(unclosed \{n\}": .*; left out$/),
      'xx.yaml: durations "no number": needs {n}; left out',
    ]);
  });
});
