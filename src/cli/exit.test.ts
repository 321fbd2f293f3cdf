import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import { FetchError } from '../ingest/fetch/index.js';
import { FeedError } from '../ingest/feeds/errors.js';
import { RegistryDataError } from '../registry/index.js';
import { StoreError } from '../store/index.js';
import { NothingDoneError, UsageError } from './errors.js';
import { failureOf } from './exit.js';

describe('failureOf', () => {
  it('gives exit code 2 when the caller can fix the command, 1 when the work failed', () => {
    const cases: [Error, number][] = [
      [new UsageError('no such flag'), 2],
      [new ConfigError('WW_X="y": bad'), 2],
      [new FetchError('private_address', 'http://10.0.0.1/', '10.0.0.1 is not public'), 2],
      [new FetchError('timeout', 'https://example.org/', 'no answer in 30 s'), 1],
      [new FeedError('malformed', 'not XML', 3, 7), 1],
      [new StoreError('stale_schema', 'run migrate'), 1],
      [new NothingDoneError('every input failed'), 1],
    ];
    expect(cases.map(([e]) => failureOf(e).exitCode)).toEqual(cases.map(([, code]) => code));
  });

  it('prints the message alone, without a stack, for an error of the family', () => {
    const f = failureOf(new UsageError('unknown person "putn"'));
    expect(f.text).toBe('unknown person "putn"');
  });

  it('heads a data error with what it means', () => {
    const f = failureOf(new RegistryDataError('warrants.yaml', ['PUT-1: issued: not a date']));
    expect(f.text.split('\n')[0]).toBe('the registry data is invalid');
    expect(f.text).toContain('PUT-1: issued: not a date');
  });

  it('finds an error of the family down a cause chain', () => {
    const wrapped = new Error('poll failed', { cause: new ConfigError('DATABASE_URL: bad') });
    expect(failureOf(wrapped)).toEqual({ exitCode: 2, text: 'DATABASE_URL: bad' });
  });

  it('calls anything else a bug and keeps its trace for the report', () => {
    const f = failureOf(new TypeError('x is undefined'));
    expect(f.exitCode).toBe(1);
    expect(f.text).toMatch(/^internal error \(a bug/);
    expect(f.text).toContain('TypeError: x is undefined');
  });
});

describe('the error family', () => {
  // Every error class the product declares is an AppError, so the CLI and the web map each one
  // by its code: a new class that forgets fails here, not in front of a user.
  it('has every error class of src extend AppError or one of its subclasses', () => {
    const src = join(import.meta.dirname, '..');
    const declared = new Map<string, { base: string; file: string }>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('.test.ts'))
          for (const m of readFileSync(path, 'utf8').matchAll(/class (\w+) extends (\w+)/g))
            if (/Error$/.test(m[1]!)) declared.set(m[1]!, { base: m[2]!, file: relative(src, path) });
      }
    };
    walk(src);
    expect(declared.size).toBeGreaterThan(8);
    const inFamily = (name: string, seen = 0): boolean =>
      name === 'AppError' || (seen < 8 && declared.has(name) && inFamily(declared.get(name)!.base, seen + 1));
    const outside = [...declared].filter(([name]) => name !== 'AppError' && !inFamily(name));
    expect(outside.map(([name, d]) => `${name} extends ${d.base} (${d.file})`)).toEqual([]);
  });
});
