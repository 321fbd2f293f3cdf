/**
 * @module cli/main
 * The `warrant-watch` command: builds the program from one file per command and maps errors to
 * one clear line and an exit code (cli/exit.ts).
 */
import { Command, CommanderError } from 'commander';
import { loadRegistry, type IsoDate } from '../registry/index.js';
import { registerAlerts } from './commands/alerts.js';
import { registerArticle } from './commands/article.js';
import { registerConfig } from './commands/config.js';
import { registerDuty } from './commands/duty.js';
import { registerEval } from './commands/eval.js';
import { registerExport } from './commands/export.js';
import { registerExtract } from './commands/extract.js';
import { registerIngest } from './commands/ingest.js';
import { registerLedger } from './commands/ledger.js';
import { registerMatrix } from './commands/matrix.js';
import { registerMigrate } from './commands/migrate.js';
import { registerRegistry } from './commands/registry.js';
import { registerReplay } from './commands/replay.js';
import { registerReview } from './commands/review.js';
import { registerStates } from './commands/states.js';
import { registerTrips } from './commands/trips.js';
import { registerWarrants } from './commands/warrants.js';
import { registerWatch } from './commands/watch.js';
import { registerWebhooks } from './commands/webhooks.js';
import type { CliContext } from './context.js';
import { failureOf } from './exit.js';

export function buildProgram(ctx: CliContext, err: (text: string) => void): Command {
  const program = new Command('warrant-watch')
    .description(
      'Watches the enforcement of ICC arrest warrants: who must arrest whom, on which date, and why.',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out.write(s), writeErr: err })
    .showSuggestionAfterError();
  for (const register of [
    registerDuty,
    registerWarrants,
    registerStates,
    registerMatrix,
    registerRegistry,
    registerIngest,
    registerWatch,
    registerArticle,
    registerExtract,
    registerEval,
    registerReplay,
    registerTrips,
    registerAlerts,
    registerLedger,
    registerReview,
    registerExport,
    registerWebhooks,
    registerMigrate,
    registerConfig,
  ])
    register(program, ctx);
  return program;
}

export interface RunIo {
  out: (text: string) => void;
  /** See Out.drained. */
  drained?: () => Promise<void>;
  err: (text: string) => void;
  today?: () => IsoDate;
  env?: Record<string, string | undefined>;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function run(argv: string[], io: RunIo): Promise<number> {
  const ctx: CliContext = {
    registry: () => loadRegistry(),
    out: { write: io.out, drained: io.drained },
    today: io.today ?? (() => new Date().toISOString().slice(0, 10) as IsoDate),
    env: io.env ?? process.env,
  };
  const program = buildProgram(ctx, io.err);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // commander already printed the message
    const failure = failureOf(e);
    io.err(`warrant-watch: ${failure.text}\n`);
    return failure.exitCode;
  }
}
