/**
 * @module testing/cli
 * Runs the CLI in-process for tests: fixed date, silent logs, captured output and exit code.
 */
import { run } from '../cli/main.js';
import type { IsoDate } from '../registry/index.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function runCli(argv: string[], env: Record<string, string> = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await run(argv, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    today: () => '2026-11-27' as IsoDate,
    env: { WW_LOG_LEVEL: 'silent', ...env },
  });
  return { code, out, err };
}
