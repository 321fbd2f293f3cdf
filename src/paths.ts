/**
 * @module paths
 * Where the checkout's own files are. The data folder is found from this module's place, not from
 * the working directory, so the CLI runs from anywhere; and by looking upwards for package.json, so
 * the same code works from src/ (tests), dist/ (the CLI) and a compiled benchmark build.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`no package.json above ${from}: is this a warrant-watch checkout?`);
  }
}

/** The folder holding package.json and data/. */
export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside data/: `dataPath('registry')`. */
export const dataPath = (...parts: string[]) => join(projectRoot, 'data', ...parts);
