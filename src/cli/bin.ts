/**
 * @module cli/bin
 * Process entry point: runs the CLI on the process arguments and exits with its code.
 */
import { run } from './main.js';

const code = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
process.exitCode = code;
