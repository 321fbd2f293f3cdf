/**
 * @module cli/context
 * What every command gets: the registry (loaded on first use), the output stream and the clock.
 */
import type { IsoDate, Registry } from '../registry/index.js';
import type { Out } from './output.js';

export interface CliContext {
  registry(): Registry;
  out: Out;
  /** Today's date, injected so tests can fix it. */
  today(): IsoDate;
  /** The environment the configuration is read from. */
  env: Record<string, string | undefined>;
}
