/**
 * Every `--json` in one casing (printJson applies it), snake_case, as `extract
 * --json` prints it: each command's output is searched for a key with a capital after a small letter.
 */
import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CreateExtractor } from '../../extract/eval/index.js';
import { loadRegistry, type IsoDate } from '../../registry/index.js';
import { runCli } from '../../testing/cli.js';
import type { CliContext } from '../context.js';
import { snakeKeys } from '../output.js';
import { registerEval } from './eval.js';
import { registerReplay } from './replay.js';

/** Every object key in a JSON value, at any depth. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) keysOf(v, out.add(k));
  return out;
}

async function jsonOf(...argv: string[]): Promise<{ json: unknown; keys: string[] }> {
  const r = await runCli(argv, { DATABASE_URL: `sqlite://${join(dir, 'x.db')}` });
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const json: unknown = JSON.parse(r.out);
  return { json, keys: [...keysOf(json)] };
}

/** A stand-in extractor (the keys do not depend on it): Putin planning a trip to Mongolia whenever a text names him. */
const fake: CreateExtractor = () => (input) =>
  input.text.includes('Putin')
    ? [
        {
          type: 'trip',
          subjectId: 'putin-vladimir',
          countryIso2: 'MN',
          city: null,
          start: input.published,
          end: null,
          status: 'planned',
          confidence: 0.8,
          evidence: [{ start: 0, end: 5, text: input.text.slice(0, 5) }],
        },
      ]
    : [];

/** Runs one command registered with the stand-in extractor; returns its JSON's keys. */
async function keysWithFake(
  register: (p: Command, ctx: CliContext) => void,
  argv: string[],
): Promise<string[]> {
  let out = '';
  const reg = loadRegistry();
  const ctx: CliContext = {
    registry: () => reg,
    out: { write: (s) => (out += s) },
    today: () => '2026-11-27' as IsoDate,
    env: {},
  };
  const program = new Command().exitOverride();
  register(program, ctx);
  await program.parseAsync(argv, { from: 'user' });
  return [...keysOf(JSON.parse(out))];
}

const camel = (keys: string[]) => keys.filter((k) => /[a-z0-9][A-Z]/.test(k));
const dir = mkdtempSync(join(tmpdir(), 'ww-json-'));

describe('snakeKeys', () => {
  it('renames the keys at every depth and leaves values, codes and tags alone', () => {
    expect(
      snakeKeys({ subjectId: 'putinVladimir', list: [{ warrantIds: ['a'] }], MN: 1, 'pt-BR': 2, a_b: null }),
    ).toEqual({ subject_id: 'putinVladimir', list: [{ warrant_ids: ['a'] }], MN: 1, 'pt-BR': 2, a_b: null });
  });
});

describe('--json is snake_case', () => {
  it.each([
    [
      ['duty', 'putin', 'MN', '2024-09-03', '--json'],
      ['subject_id', 'warrant_id', 'made_public'],
    ],
    [
      ['warrants', '--on', '2024-09-03', '--json'],
      ['subject_id', 'case_number', 'made_public', 'status_since'],
    ],
    [['states', '--on', '2025-01-01', '--json'], ['party_since']],
    [
      ['matrix', '--on', '2024-09-03', '--json'],
      ['subject_id', 'warrant_ids'],
    ],
  ])('%j', async (argv, expected) => {
    const { keys } = await jsonOf(...argv);
    expect(camel(keys)).toEqual([]);
    for (const k of expected) expect(keys).toContain(k);
  });

  it('ingest', async () => {
    const page = join(dir, 'page.txt');
    writeFileSync(page, 'Protesters gathered in the capital ahead of the talks on Monday.');
    const r = await runCli(['ingest', page, '--json'], {
      DATABASE_URL: `sqlite://${join(dir, 'ingest.db')}`,
      WW_FEEDS_DIR: join(dir, 'feeds'),
    });
    expect([r.code, r.err]).toEqual([0, '']);
    const keys = [...keysOf(JSON.parse(r.out))];
    expect(camel(keys)).toEqual([]);
    expect(keys).toContain('not_modified');
  }, 60_000); // the record step loads the extractor

  it('eval', async () => {
    const cases = join(dir, 'cases.jsonl');
    const expected = [
      {
        type: 'trip',
        subject: 'Vladimir Putin',
        country_iso2: 'MN',
        city: '',
        start: '',
        end: '',
        status: 'planned',
      },
    ];
    writeFileSync(
      cases,
      JSON.stringify({
        id: 'c-1',
        published: '2024-08-30',
        text: 'Putin will visit Mongolia next week.',
        expected,
        notes: '',
      }),
    );
    const keys = await keysWithFake(
      (p, c) => registerEval(p, c, { createExtractor: () => Promise.resolve(fake) }),
      ['eval', cases, '--json'],
    );
    expect(camel(keys)).toEqual([]);
    for (const k of ['trip_loose', 'by_type', 'start_date', 'false_alarms', 'unread_lenient'])
      expect(keys).toContain(k);
  });

  it('replay, with its score', async () => {
    const testdata = join(import.meta.dirname, '../../jobs/testdata');
    const keys = await keysWithFake(
      (p, c) => registerReplay(p, c, { createExtractor: () => Promise.resolve(fake) }),
      [
        'replay',
        join(testdata, 'stream-mn.jsonl'),
        '--score',
        join(testdata, 'stream-mn.expected.json'),
        '--json',
      ],
    );
    expect(camel(keys)).toEqual([]);
    for (const k of ['lead_times', 'trips_found', 'alert_checks', 'expected_after', 'stray_articles'])
      expect(keys).toContain(k);
  });
});
