/**
 * @module cli/summary
 * How an ingest summary reads on a terminal.
 */
import type { IngestSummary } from '../jobs/ingest.js';
import type { Out } from './output.js';

export function printSummary(out: Out, s: IngestSummary, maxFailures = 20): void {
  out.write(
    `new ${s.new}, duplicate ${s.duplicate}, already stored ${s.skipped}, unchanged ${s.notModified}, failed ${s.failed.length}\n`,
  );
  for (const f of s.failed.slice(0, maxFailures)) out.write(`  failed: ${f.where}: ${f.reason}\n`);
  if (s.failed.length > maxFailures) out.write(`  ... and ${s.failed.length - maxFailures} more failures\n`);
}
