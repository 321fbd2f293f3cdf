/**
 * @module registry/world
 * The world-countries data set. Loaded through require: the package is CommonJS and its type file
 * declares an ES default export that Node's ESM loader does not give.
 */
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';

export const worldCountries = createRequire(import.meta.url)('world-countries') as Countries;
