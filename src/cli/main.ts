/**
 * @module cli/main
 * The `warrant-watch` command: builds the program from one file per command and maps errors to
 * one clear line and an exit code (cli/exit.ts).
 */
import { Command, CommanderError } from 'commander';
import { loadRegistry, type IsoDate } from '../registry/index.js';
import type { CliContext } from './context.js';
import { failureOf } from './exit.js';

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Each command's module by the names it registers, imported only when one of its names is on the
 * command line: loading every command (the database driver, the extractor, the fetcher) would take
 * half a second before any command could answer. Help, no command and unknown names load all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  duty: async () => (await import('./commands/duty.js')).registerDuty,
  warrants: async () => (await import('./commands/warrants.js')).registerWarrants,
  states: async () => (await import('./commands/states.js')).registerStates,
  matrix: async () => (await import('./commands/matrix.js')).registerMatrix,
  registry: async () => (await import('./commands/registry.js')).registerRegistry,
  ingest: async () => (await import('./commands/ingest.js')).registerIngest,
  watch: async () => (await import('./commands/watch.js')).registerWatch,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  article: async () => (await import('./commands/article.js')).registerArticle,
  extract: async () => (await import('./commands/extract.js')).registerExtract,
  eval: async () => (await import('./commands/eval.js')).registerEval,
  replay: async () => (await import('./commands/replay.js')).registerReplay,
  trips: async () => (await import('./commands/trips.js')).registerTrips,
  alerts: async () => (await import('./commands/alerts.js')).registerAlerts,
  ledger: async () => (await import('./commands/ledger.js')).registerLedger,
  review: async () => (await import('./commands/review.js')).registerReview,
  export: async () => (await import('./commands/export.js')).registerExport,
  webhooks: async () => (await import('./commands/webhooks.js')).registerWebhooks,
  migrate: async () => (await import('./commands/migrate.js')).registerMigrate,
  config: async () => (await import('./commands/config.js')).registerConfig,
  user: async () => (await import('./commands/users.js')).registerUsers,
  comments: async () => (await import('./commands/comments.js')).registerComments,
};
/** Commands registered by another command's module. */
const ALIASES: Record<string, string> = { import: 'export' };

/** The program for `argv`: the one command it names, or all of them when it names none. */
export async function buildProgram(
  ctx: CliContext,
  err: (text: string) => void,
  argv: string[] = [],
): Promise<Command> {
  const program = new Command('warrant-watch')
    .description(
      'Watches the enforcement of ICC arrest warrants: who must arrest whom, on which date, and why.',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out.write(s), writeErr: err })
    .showSuggestionAfterError();
  const first = argv[0] ?? '';
  const named = ALIASES[first] ?? first;
  const loads = named in COMMANDS ? [COMMANDS[named]!] : Object.values(COMMANDS);
  for (const register of await Promise.all(loads.map((load) => load()))) register(program, ctx);
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
  const program = await buildProgram(ctx, io.err, argv);
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
