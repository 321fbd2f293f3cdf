/** Every command that looks a person or a country up refuses an ambiguous name, naming the choices. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../testing/cli.js';

const env = { DATABASE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'ww-lookup-')), 'x.db')}` };

describe('ambiguous look-ups', () => {
  it.each([
    [['ledger', 'gaddafi'], 'ambiguous subject "gaddafi"'],
    [['ledger', 'Congo'], 'ambiguous country "Congo"'],
    [['trips', '--subject', 'Gbagbo'], 'ambiguous subject "Gbagbo"'],
    [['trips', '--country', 'congo'], 'ambiguous country "congo"'],
  ])('%j', async (argv, message) => {
    const r = await runCli(argv, env);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('a state or a person named exactly is found', async () => {
    expect((await runCli(['ledger', 'gaddafi-saif-al-islam', '--json'], env)).code).toBe(0);
    expect((await runCli(['ledger', 'COG', '--json'], env)).code).toBe(0);
  });
});
