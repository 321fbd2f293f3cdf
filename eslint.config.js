// Lint rules: typescript-eslint's recommended set, type-aware; no import circles; and the import
// direction of ../shared/DESIGN.md ("Folders"): each stage imports only the stages below it.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** A zone rule: files under `target` may not import from any of `from` (folders of src/). */
const zone = (target, from, message) => ({
  target: `./src/${target}`,
  from: from.map((f) => `./src/${f}`),
  message,
});

// The stages and what each may not import (DESIGN.md: imports point down the table, never up).
const STAGES = ['registry', 'law', 'ingest', 'extract', 'events', 'alerts', 'store', 'jobs', 'web', 'cli'];
const mayImport = {
  registry: [],
  law: ['registry'],
  ingest: ['registry'],
  extract: ['registry'],
  events: ['law', 'registry'],
  alerts: ['events', 'law', 'registry'],
  store: ['registry', 'ingest', 'extract', 'events', 'alerts'], // the types of the stages
  jobs: ['registry', 'law', 'ingest', 'extract', 'events', 'alerts', 'store'],
  web: ['store', 'law', 'registry', 'events', 'alerts'],
  cli: ['registry', 'law', 'ingest', 'extract', 'events', 'alerts', 'store', 'jobs', 'web'],
};
const stageZones = STAGES.filter((s) => mayImport[s].length < STAGES.length - 1).map((s) =>
  zone(
    s,
    STAGES.filter((o) => o !== s && !mayImport[s].includes(o)),
    `src/${s} may import only ${mayImport[s].join(', ') || 'nothing of ours'} (DESIGN.md, "Folders")`,
  ),
);

// Inside src/extract, groups by role, each above the ones it reads (src/extract/index.ts runs them):
// text < lexicon < names, places, dates < sentence < passes, output < trips, events.
const EXTRACT = {
  text: [],
  lexicon: ['text'],
  names: ['text', 'lexicon'],
  places: ['text', 'lexicon'],
  dates: ['text', 'lexicon'],
  sentence: ['text', 'lexicon', 'names', 'places', 'dates'],
  passes: ['text', 'lexicon', 'names', 'places', 'dates', 'sentence'],
  output: ['text', 'lexicon', 'names', 'places', 'dates', 'sentence'],
  trips: ['text', 'lexicon', 'names', 'places', 'dates', 'sentence', 'output'],
  events: ['text', 'lexicon', 'names', 'places', 'dates', 'sentence', 'output'],
};
const groups = Object.keys(EXTRACT);
const extractZones = groups.map((g) =>
  zone(
    `extract/${g}`,
    [
      ...groups.filter((o) => o !== g && !EXTRACT[g].includes(o)),
      'extract/index.ts',
      'extract/load.ts',
      'extract/eval',
    ].map((o) => (o.startsWith('extract/') ? o : `extract/${o}`)),
    `src/extract/${g} may import only ${EXTRACT[g].join(', ') || 'nothing else of src/extract'} (eslint.config.js)`,
  ),
);

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...stageZones, ...extractZones] }],
    },
  },
);
