/**
 * `warrant-watch serve` as a user runs it: a real process on a free port, answering, then stopped
 * with SIGTERM, which it survives cleanly (exit 0, the store closed).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { expect, it } from 'vitest';
import { runCli } from '../testing/cli.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'warrant-watch');

it('serves on the port it is given, watches an empty list of sources, and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ww-serve-'));
  const sources = join(dir, 'sources.yaml');
  writeFileSync(sources, '[]\n');
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--sources', sources], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'ww.db')}`,
      WW_FEEDS_DIR: join(dir, 'feeds'),
      WW_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const address = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /serving at (http:\/\/\S+?),/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', () => reject(new Error(`serve exited early: ${err}`)));
  });
  expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const health = await fetch(`${address}/healthz`);
  expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
  expect((await fetch(`${address}/readyz`)).status).toBe(200);
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  expect([code, err]).toEqual([0, '']);
}, 60_000);

it('refuses a port that is not one', async () => {
  const r = await runCli(['serve', '--port', '70000', '--no-watch']);
  expect([r.code, r.err]).toEqual([
    2,
    'warrant-watch: --port must be a whole number from 0 to 65535, not "70000"\n',
  ]);
});
