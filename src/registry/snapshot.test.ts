import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir, readRegistryRecords, type RegistryRecords } from './load.js';
import { defaultSnapshotPath, readSnapshot, writeSnapshot } from './snapshot.js';

let fromYaml: RegistryRecords;
let dir: string;
beforeAll(() => {
  fromYaml = readRegistryRecords();
  dir = mkdtempSync(join(tmpdir(), 'ww-snapshot-'));
  cpSync(defaultDataDir, join(dir, 'registry'), { recursive: true });
});

describe('the registry snapshot', () => {
  it('that the build wrote holds exactly what the YAML gives', () => {
    expect(
      existsSync(defaultSnapshotPath),
      'dist/registry.snapshot.json is missing: npm run build writes it',
    ).toBe(true);
    const built = JSON.parse(readFileSync(defaultSnapshotPath, 'utf8')) as { records: RegistryRecords };
    expect(built.records).toEqual(fromYaml);
  });

  it('is read back while fresh, and not once a data file changes or the file is torn', () => {
    const data = join(dir, 'registry');
    const path = join(dir, 'snapshot.json');
    writeSnapshot(data, readRegistryRecords(data), path);
    expect(readSnapshot(data, path)).toEqual(fromYaml);
    appendFileSync(join(data, 'memberships.yaml'), '\n# an edit\n');
    expect(readSnapshot(data, path)).toBeUndefined();
    writeSnapshot(data, readRegistryRecords(data), path);
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 1000));
    expect(readSnapshot(data, path)).toBeUndefined();
    expect(readSnapshot(data, join(dir, 'none.json'))).toBeUndefined();
  });
});
