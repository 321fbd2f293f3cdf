/**
 * Every `--json` of the registry, law and scoring commands in one casing, snake_case, as `extract
 * --json` prints it: each command's output is searched for a key with a capital after a small letter.
 */
import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../testing/cli.js';
import { snakeKeys } from '../output.js';

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
    const { keys } = await jsonOf('eval', cases, '--json');
    expect(camel(keys)).toEqual([]);
    for (const k of ['trip_loose', 'by_type', 'start_date', 'false_alarms', 'unread_lenient'])
      expect(keys).toContain(k);
  });

  it('replay, with its score', async () => {
    const testdata = join(import.meta.dirname, '../../jobs/testdata');
    const { keys } = await jsonOf(
      'replay',
      join(testdata, 'stream-mn.jsonl'),
      '--score',
      join(testdata, 'stream-mn.expected.json'),
      '--json',
    );
    expect(camel(keys)).toEqual([]);
    for (const k of ['lead_times', 'trips_found', 'alert_checks', 'stray_articles'])
      expect(keys).toContain(k);
  });
});
