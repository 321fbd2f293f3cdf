/**
 * @module registry/snapshot
 * The registry's records compiled at build time: `npm run build` reads and validates the YAML once
 * and writes them as JSON beside the compiled code, so that a command starts without parsing YAML
 * or running zod. A snapshot is used only while it is fresh: its key is a hash of every data file
 * and of the schema module that validated them, so an edited file or schema is read from YAML again.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../paths.js';
import { registryFiles, type RegistryRecords } from './schema.js';

/** Where the build writes the snapshot of data/registry/. */
export const defaultSnapshotPath = join(projectRoot, 'dist', 'registry.snapshot.json');

interface Snapshot {
  key: string;
  records: RegistryRecords;
}

// The schema module of this build (schema.js in dist/, schema.ts under vitest), beside this one.
const here = fileURLToPath(import.meta.url);
const schemaFile = join(dirname(here), basename(here).replace(/^snapshot/, 'schema'));

/** The freshness key of the data in `dir`: every data file's text and the schema's, hashed. */
export function snapshotKey(dir: string): string {
  const hash = createHash('sha256').update(readFileSync(schemaFile));
  for (const { file } of Object.values(registryFiles))
    hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

/** Writes the snapshot of `records`, read from `dir`, to `path`. */
export function writeSnapshot(dir: string, records: RegistryRecords, path: string): void {
  const snapshot: Snapshot = { key: snapshotKey(dir), records };
  writeFileSync(path, JSON.stringify(snapshot));
}

/** The records of the snapshot at `path` if it is there and fresh for `dir`, else undefined. */
export function readSnapshot(dir: string, path: string): RegistryRecords | undefined {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  } catch {
    return undefined; // none yet, or torn: the YAML is the truth
  }
  return snapshot.key === snapshotKey(dir) ? snapshot.records : undefined;
}
