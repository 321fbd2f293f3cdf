/**
 * @module bench/run
 * `npm run bench`: every benchmark, each printing what it measured and what it is compared with.
 */
import { arch, cpus, totalmem } from 'node:os';
import { benchLaw } from './law.js';

process.stdout.write(
  `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${arch()}, Node ${process.version}\n`,
);
benchLaw();
