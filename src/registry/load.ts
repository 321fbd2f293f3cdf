/**
 * @module registry/load
 * Reads the curated YAML files and validates every record with its zod schema. `parseRegistryFiles`
 * is pure (text in, records out); `loadRegistry` adds the file system, the build's snapshot
 * (registry/snapshot) and a per-process cache.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { dataPath } from '../paths.js';
import { RegistryDataError } from './errors.js';
import { buildRegistry, type Registry } from './registry.js';
import { defaultSnapshotPath, readSnapshot } from './snapshot.js';
import { registryFiles, type RegistryFileKey, type RegistryRecords } from './schema.js';

export type { RegistryRecords } from './schema.js';

// The YAML parser is loaded only when the YAML is read: a fresh snapshot needs none of its start-up.
let yaml: typeof Yaml | undefined;
const parseYaml = (text: string, options: Yaml.ParseOptions & Yaml.DocumentOptions) =>
  (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml).parse(text, options);

/** data/registry/ of this checkout. */
export const defaultDataDir = dataPath('registry');

function recordLabel(record: unknown, index: number): string {
  const r = record as Record<string, unknown> | null;
  const key = r && typeof r === 'object' ? (r.id ?? r.iso2) : undefined;
  return `record ${index + 1}${typeof key === 'string' ? ` (${key})` : ''}`;
}

/** Validates one file's text; throws a RegistryDataError listing every bad record and field. */
export function parseRegistryFile<K extends RegistryFileKey>(
  key: K,
  text: string,
  fileName: string,
): RegistryRecords[K] {
  let doc: unknown;
  try {
    doc = parseYaml(text, { prettyErrors: true });
  } catch (e) {
    throw new RegistryDataError(fileName, [`not valid YAML: ${(e as Error).message}`]);
  }
  if (doc == null) return [];
  if (!Array.isArray(doc))
    throw new RegistryDataError(fileName, ['expected a list of records at the top level']);
  const { schema } = registryFiles[key];
  const out: unknown[] = [];
  const problems: string[] = [];
  doc.forEach((raw, i) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else
      for (const issue of parsed.error.issues) {
        const field = issue.path.length ? issue.path.join('.') : '(record)';
        problems.push(`${recordLabel(raw, i)}: field ${field}: ${issue.message}`);
      }
  });
  if (problems.length) throw new RegistryDataError(fileName, problems);
  return out as RegistryRecords[K];
}

/** Reads every registry file from `dir`. */
export function readRegistryRecords(dir: string = defaultDataDir): RegistryRecords {
  const entries = Object.entries(registryFiles).map(([key, { file }]) => {
    const path = join(dir, file);
    return [key, parseRegistryFile(key as RegistryFileKey, readFileSync(path, 'utf8'), path)];
  });
  return Object.fromEntries(entries) as RegistryRecords;
}

const cache = new Map<string, Registry>();

/**
 * The registry of `dir`, read and checked once per process: from the build's snapshot when it is
 * fresh (data/registry/ only), else from the YAML.
 */
export function loadRegistry(dir: string = defaultDataDir): Registry {
  let reg = cache.get(dir);
  if (!reg) {
    const snapshot = dir === defaultDataDir ? readSnapshot(dir, defaultSnapshotPath) : undefined;
    reg = buildRegistry(snapshot ?? readRegistryRecords(dir));
    cache.set(dir, reg);
  }
  return reg;
}
