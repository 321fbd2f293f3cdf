import { describe, expect, it } from 'vitest';
import type { IsoDate, Registry } from '../registry/index.js';
import type { CliContext } from './context.js';
import { buildProgram } from './main.js';

const ctx: CliContext = {
  registry: (): Registry => {
    throw new Error('building the program must not load the registry');
  },
  out: { write: () => true },
  today: () => '2026-12-04' as IsoDate,
  env: {},
};
const names = async (argv: string[]) =>
  (await buildProgram(ctx, () => undefined, argv)).commands.map((c) => c.name()).sort();

describe('buildProgram', () => {
  it('loads only the command the line names', async () => {
    expect(await names(['duty', 'putin', 'MN', '2024-09-03'])).toEqual(['duty']);
    expect(await names(['import', 'x.jsonl'])).toEqual(['export', 'import']);
  });

  it('loads every command for help, for no command and for a misspelt one', async () => {
    const all = await names([]);
    expect(all).toEqual(expect.arrayContaining(['duty', 'trips', 'watch', 'export', 'import', 'webhooks']));
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(await names(['help'])).toEqual(all);
    expect(await names(['dutyy'])).toEqual(all);
  });

  it('finds each command by the name it registers', async () => {
    const all = await names([]);
    for (const name of all) expect(await names([name])).toContain(name);
  });
});
