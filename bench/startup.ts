/**
 * @module bench/startup
 * How long a command takes from `warrant-watch ...` to its answer, in a fresh process each time as
 * a user runs it (module loading, the registry, the answer), beside bare Node's own start-up in the
 * same run. Goal: under 300 ms for a question about the registry (issue 9, step 0).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../src/paths.js';
import { fmtMs, printTable } from './measure.js';

const RUNS = 15;
const GOAL_MS = 300;

function timeCommand(argv: string[], env: Record<string, string>): { medianMs: number; p90Ms: number } {
  const samples: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: 'pipe',
    });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
    if (i > 0) samples.push(ms); // the first run warms the file cache
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { medianMs: at(0.5), p90Ms: at(0.9) };
}

export function benchStartup(): void {
  const bin = join(projectRoot, 'bin', 'warrant-watch');
  if (!existsSync(join(projectRoot, 'dist', 'cli', 'bin.js')))
    throw new Error('dist/ is not built: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-startup-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'ww.db')}`, WW_FEEDS_DIR: join(dir, 'feeds') };
  try {
    const commands: [string, string[]][] = [
      ['node -e 0 (the peer: bare Node)', ['-e', '0']],
      ['duty putin MN 2024-09-03', [bin, 'duty', 'putin', 'MN', '2024-09-03']],
      ['warrants', [bin, 'warrants']],
      ['states --on 2024-09-03', [bin, 'states', '--on', '2024-09-03']],
      ['trips (empty record)', [bin, 'trips']],
      ['--help', [bin, '--help']],
    ];
    const rows = commands.map(([label, argv]) => {
      const t = timeCommand(argv, env);
      const verdict = label.startsWith('node') ? '' : t.medianMs < GOAL_MS ? 'under goal' : 'OVER goal';
      return [label, fmtMs(t.medianMs), fmtMs(t.p90Ms), verdict];
    });
    printTable(
      `Start-up to answer, ${RUNS} fresh processes each (goal < ${GOAL_MS} ms)`,
      ['command', 'median', 'p90', ''],
      rows,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
