/**
 * @module testing/store
 * A slice of a real store: only the named methods, so a consumer that calls any other fails, and
 * one whose signature asks for more does not type-check.
 */
import type { Store } from '../store/index.js';

export function only<K extends keyof Store>(store: Store, ...keys: K[]): Pick<Store, K> {
  return Object.fromEntries(
    keys.map((k) => [k, (store[k] as (...a: unknown[]) => unknown).bind(store)]),
  ) as Pick<Store, K>;
}
