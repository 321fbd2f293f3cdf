import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CreateExtractor, ExtractorInput } from '../extract/eval/index.js';
import type { ExtractedEvent } from '../model.js';
import { loadRegistry, type IsoDate } from '../registry/index.js';
import { registerEval } from './commands/eval.js';
import { registerExtract } from './commands/extract.js';
import type { CliContext } from './context.js';
import { NothingDoneError, UsageError } from './errors.js';
import { failureOf } from './exit.js';

const registry = loadRegistry();

/** A stand-in extractor: a planned trip of Putin to France whenever the text says "Putin". */
const fake: CreateExtractor = () => (input: ExtractorInput) => {
  const at = input.text.indexOf('Putin');
  if (at < 0) return [];
  const event: ExtractedEvent = {
    type: 'trip',
    subjectId: 'putin-vladimir',
    countryIso2: 'FR',
    city: null,
    start: input.published,
    end: null,
    status: 'planned',
    confidence: 0.8,
    evidence: [{ start: at, end: at + 5, text: 'Putin' }],
  };
  return [event];
};

async function cli(
  register: (p: Command, ctx: CliContext) => void,
  argv: string[],
): Promise<{ out: string; error?: unknown }> {
  let out = '';
  const ctx: CliContext = {
    registry: () => registry,
    out: { write: (s) => (out += s) },
    today: () => '2031-01-01' as IsoDate,
    env: {},
  };
  const program = new Command().exitOverride();
  register(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return { out };
  } catch (error) {
    return { out, error };
  }
}

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ww-extract-')), name);
  writeFileSync(path, text);
  return path;
}

const deps = { createExtractor: async () => fake };

describe('warrant-watch extract', () => {
  it('writes one JSON line per input line, with the events in the documented shape', async () => {
    const stdin = Readable.from([
      '{"id":"a","published":"2031-02-03T10:00:00Z","text":"Putin will fly to Paris."}\n',
      '{"id":7,"published":null,"text":"Nothing here."}\n',
    ]);
    const { out, error } = await cli((p, c) => registerExtract(p, c, { ...deps, stdin }), ['extract']);
    expect(error).toBeUndefined();
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        id: 'a',
        events: [
          {
            type: 'trip',
            subject_id: 'putin-vladimir',
            subject_name: 'Vladimir Putin',
            country_iso2: 'FR',
            city: null,
            start: '2031-02-03',
            end: null,
            status: 'planned',
            confidence: 0.8,
            evidence: [{ start: 0, end: 5, text: 'Putin' }],
          },
        ],
      },
      { id: 7, events: [] },
    ]);
  });

  it('reports a bad line with its number and goes on', async () => {
    const path = file(
      'in.jsonl',
      [
        '{"id":"a","text":"Putin"}',
        '{oops',
        '{"id":"c","published":"soon","text":"x"}',
        '{"id":"d","text":"y"}',
      ].join('\n'),
    );
    const { out } = await cli((p, c) => registerExtract(p, c, deps), ['extract', path]);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toEqual({ line: 2, error: expect.stringMatching(/^line 2: not JSON/) });
    expect(lines[2]).toEqual({
      id: 'c',
      line: 3,
      error: expect.stringMatching(/^line 3: field published: /),
    });
    expect(lines[3]).toEqual({ id: 'd', events: [] });
  });

  it('ends a line at "\\r\\n" or a lone "\\r" as at "\\n", and numbers the lines alike', async () => {
    const path = file('crlf.jsonl', '{"id":"a","text":"x"}\r\n\r\n{oops\r{"id":"d","text":"Putin"}\r\n');
    const { out } = await cli((p, c) => registerExtract(p, c, deps), ['extract', path]);
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: 'a', events: [] },
      { line: 3, error: expect.stringMatching(/^line 3: not JSON/) },
      { id: 'd', events: [expect.objectContaining({ subject_id: 'putin-vladimir' })] },
    ]);
  });

  it('writes what it found before a line whose extraction fails, then fails', async () => {
    const failing: CreateExtractor = (reg) => (input) => {
      if (input.text === 'boom') throw new Error('extractor bug');
      return fake(reg)(input);
    };
    const path = file(
      'boom.jsonl',
      ['{"id":"a","text":"x"}', '{"id":"b","text":"boom"}', '{"id":"c","text":"y"}'].join('\n'),
    );
    const { out, error } = await cli(
      (p, c) => registerExtract(p, c, { createExtractor: async () => failing }),
      ['extract', path],
    );
    expect(out).toBe('{"id":"a","events":[]}\n');
    expect((error as Error).message).toBe('extractor bug');
  });

  it('reads no further while the reader of its output has not caught up', async () => {
    let pulled = 0;
    async function* input() {
      for (let i = 0; i < 3; i++) {
        pulled++;
        yield Buffer.from(`{"id":${i},"text":"x"}\n`);
      }
    }
    const writes: string[] = [];
    let wrote!: () => void;
    const firstWrite = new Promise<void>((resolve) => (wrote = resolve));
    let release!: () => void;
    const caughtUp = new Promise<void>((resolve) => (release = resolve));
    const ctx: CliContext = {
      registry: () => registry,
      out: {
        write: (s) => {
          writes.push(s);
          wrote();
        },
        drained: () => caughtUp,
      },
      today: () => '2031-01-01' as IsoDate,
      env: {},
    };
    const program = new Command().exitOverride();
    registerExtract(program, ctx, { ...deps, stdin: input() });
    const done = program.parseAsync(['extract'], { from: 'user' });
    await firstWrite;
    expect(writes).toEqual(['{"id":0,"events":[]}\n']);
    expect(pulled).toBe(1);
    release();
    await done;
    expect(writes).toHaveLength(3);
  });

  it('fails (exit code 1) when every line failed, after writing each error', async () => {
    const path = file('bad.jsonl', '{oops\n\n{"id":"b","published":"soon","text":"x"}\n');
    const { out, error } = await cli((p, c) => registerExtract(p, c, deps), ['extract', path]);
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).line),
    ).toEqual([1, 3]);
    expect(error).toBeInstanceOf(NothingDoneError);
    expect(failureOf(error).exitCode).toBe(1);
    expect((error as Error).message).toBe('every input line failed (2); nothing was extracted');
  });

  it('succeeds when one line of many was read', async () => {
    const path = file('mixed.jsonl', '{oops\n{"id":"a","text":"Putin"}\n');
    expect((await cli((p, c) => registerExtract(p, c, deps), ['extract', path])).error).toBeUndefined();
  });

  it('rejects a file that does not exist as a usage error', async () => {
    const { error } = await cli((p, c) => registerExtract(p, c, deps), ['extract', '/nonexistent/x.jsonl']);
    expect(error).toBeInstanceOf(UsageError);
  });
});

const labelled = (id: string, text: string, expected: object[]) =>
  JSON.stringify({ id, published: '2031-03-01', text, expected, notes: '' });
const trip = { type: 'trip', subject: 'Vladimir Putin', country_iso2: 'FR', city: '', end: '' };

describe('warrant-watch eval', () => {
  const path = file(
    'cases.jsonl',
    [
      labelled('t-1', 'Putin is expected in a European capital.', [
        { ...trip, start: '2031-03-01', status: 'planned' },
      ]),
      labelled('t-2', 'Putin visited a European capital long ago.', [
        { ...trip, start: '', status: 'completed' },
      ]),
      labelled('t-3', 'An ordinary day.', []),
    ].join('\n'),
  );

  it('prints the scores as JSON', async () => {
    const { out, error } = await cli((p, c) => registerEval(p, c, deps), ['eval', path, '--json']);
    expect(error).toBeUndefined();
    const report = JSON.parse(out);
    expect(report).toMatchObject({ cases: 3, expected: 2, predicted: 2 });
    expect(report.strict.trip).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(report.strict.trip_loose).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    expect(report.strict.start_date).toEqual({ n: 1, agree: 1, rate: 1 });
    expect(report.strict.misses[0]).toMatchObject({ case: 't-2', predicted: { status: 'planned' } });
  });

  it('prints a table for people', async () => {
    const { out } = await cli((p, c) => registerEval(p, c, deps), ['eval', path]);
    expect(out).toMatch(/^3 cases, 2 expected events, 2 predicted/);
    expect(out).toMatch(/trip F1 \(subject, country, status\) +0\.500 +0\.500/);
    expect(out).toContain('misses (strict): 1');
    expect(out).toContain('t-2  trip Vladimir Putin FR completed  [predicted planned]');
  });

  it('scores one split alone, and names the splits there are when asked for another', async () => {
    const split = (line: string, name: string) => JSON.stringify({ ...JSON.parse(line), split: name });
    const parts = file(
      'parts.jsonl',
      [
        split(
          labelled('s-1', 'Putin is expected in a European capital.', [
            { ...trip, start: '', status: 'planned' },
          ]),
          'tune',
        ),
        split(labelled('s-2', 'An ordinary day.', []), 'check'),
        split(labelled('s-3', 'Another ordinary day.', []), 'check'),
      ].join('\n'),
    );
    const { out } = await cli(
      (p, c) => registerEval(p, c, deps),
      ['eval', parts, '--split', 'check', '--json'],
    );
    expect(JSON.parse(out)).toMatchObject({ cases: 2, expected: 0 });
    const { error } = await cli((p, c) => registerEval(p, c, deps), ['eval', parts, '--split', 'chek']);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`${parts}: no case has split "chek" (its splits: check, tune)`);
  });

  it('reports the status of matched trips by labelled status', async () => {
    const { out } = await cli((p, c) => registerEval(p, c, deps), ['eval', path, '--json']);
    const byLabel = JSON.parse(out).strict.status_by_label;
    expect(byLabel.planned).toEqual({ n: 1, agree: 1, rate: 1 });
    expect(byLabel.completed).toEqual({ n: 1, agree: 0, rate: 0 });
  });

  it('names the line and the field of a bad labelled file', async () => {
    const bad = file(
      'bad.jsonl',
      `${labelled('t-1', 'x', [])}\n${labelled('t-2', 'y', [{ ...trip, start: '', status: 'maybe' }])}`,
    );
    const { error } = await cli((p, c) => registerEval(p, c, deps), ['eval', bad]);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      new RegExp(`^${bad}: line 2, field expected\.0\.status: .*"planned"`),
    );
    expect((error as Error).message).toMatch(/line 2, field expected\.0\.status/);
  });

  it('names an unknown subject', async () => {
    const bad = file(
      'who.jsonl',
      labelled('t-1', 'x', [{ ...trip, subject: 'Nobody At All', start: '', status: 'none' }]),
    );
    const { error } = await cli((p, c) => registerEval(p, c, deps), ['eval', bad]);
    expect((error as Error).message).toMatch(
      /line 1, field expected\.0\.subject: unknown subject "Nobody At All"/,
    );
  });
});
