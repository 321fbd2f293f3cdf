/**
 * @module jobs/queue
 * The job queue the scheduler talks to, shaped as pg-boss's API (send, work, getJobById, stop) so a
 * PostgreSQL deployment can put pg-boss behind it later; jobs/memory-queue is the in-process one
 * for the SQLite default. Units are pg-boss's: seconds for delays, a Date or seconds for startAfter.
 */

export interface SendOptions {
  /**
   * At most one job of this key waiting and one running, per queue name (pg-boss's "stately"
   * policy): a send while one waits returns null, and a waiting job does not start while another
   * of its key runs. Two polls of one source are never in hand at once.
   */
  singletonKey?: string;
  /** When the job may start: a Date, or seconds from now. Now when absent. */
  startAfter?: Date | number;
  /** Retries after the first try fails; 0 when absent. */
  retryLimit?: number;
  /** Seconds before a retry; 0 when absent. */
  retryDelay?: number;
  /** Doubles the delay at each retry (retryDelay × 2^(retry − 1)). */
  retryBackoff?: boolean;
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'failed' | 'cancelled';

/** What a handler is given: pg-boss's job with its metadata. */
export interface Job<T> {
  id: string;
  name: string;
  data: T;
  singletonKey: string | null;
  /** Retries used so far: 0 on the first try. */
  retryCount: number;
  retryLimit: number;
}

export interface JobWithState<T> extends Job<T> {
  state: JobState;
  startAfter: Date;
  /** The handler's result when completed; `{ message }` of the last error when failed. */
  output: unknown;
}

export interface WorkOptions {
  /** Jobs handed to the handler per call; a batch completes or fails as one. 1 when absent. */
  batchSize?: number;
  /** Handler calls of this worker running at once. 1 when absent. */
  localConcurrency?: number;
}

export type WorkHandler<T> = (jobs: Job<T>[]) => Promise<unknown>;

export interface Queue {
  /** Queues a job; its id, or null when its singleton key already has one waiting. */
  send<T>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Runs `handler` on the jobs of `name` as they come due; resolves to the worker's id. */
  work<T>(name: string, options: WorkOptions, handler: WorkHandler<T>): Promise<string>;
  getJobById<T>(name: string, id: string): Promise<JobWithState<T> | null>;
  /** Takes no more jobs; with `graceful` (the default) resolves when the running ones have ended. */
  stop(options?: { graceful?: boolean }): Promise<void>;
}

/** The delay before retry number `retry` (1-based), in milliseconds. */
export function retryDelayMs(
  options: Pick<SendOptions, 'retryDelay' | 'retryBackoff'>,
  retry: number,
): number {
  const base = (options.retryDelay ?? 0) * 1000;
  return options.retryBackoff ? base * 2 ** (retry - 1) : base;
}
