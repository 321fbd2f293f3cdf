/**
 * @module registry/build-snapshot
 * Run by `npm run build` after tsc: validates data/registry/ and writes its snapshot into dist/.
 * A data file that fails validation fails the build, naming the record and the field.
 */
import { defaultDataDir, readRegistryRecords } from './load.js';
import { buildRegistry } from './registry.js';
import { defaultSnapshotPath, writeSnapshot } from './snapshot.js';

const records = readRegistryRecords(defaultDataDir);
buildRegistry(records); // the cross-record checks, so a broken reference fails here too
writeSnapshot(defaultDataDir, records, defaultSnapshotPath);
