/**
 * @module cli/bin
 * Process entry point: runs the CLI on the process arguments and exits with its code.
 */
import { once } from 'node:events';
import { run } from './main.js';

// A reader that stops early (`warrant-watch extract | head`) closes the pipe: that ends the run
// quietly, as in any Unix tool, instead of with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

const code = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  drained: async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
  },
  err: (s) => process.stderr.write(s),
});
process.exitCode = code;
