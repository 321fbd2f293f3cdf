/**
 * @module testing/summary-reporter
 * Ends a vitest run with the plain line "N passed, N failed, N skipped" that CI reads to know
 * how many tests ran.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const m of modules)
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
    // Errors thrown outside any test fail the run too; say so beside the counts, which cannot show them.
    if (unhandledErrors.length)
      process.stdout.write(`${unhandledErrors.length} unhandled error(s) outside the tests: the run fails\n`);
  }
}
