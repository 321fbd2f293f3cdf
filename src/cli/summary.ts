/**
 * @module cli/summary
 * How an ingest summary reads on a terminal.
 */
import type { IngestSummary } from '../jobs/ingest.js';
import type { RecordPendingResult } from '../jobs/record.js';
import type { Out } from './output.js';

export function printSummary(out: Out, s: IngestSummary, maxFailures = 20): void {
  out.write(
    `new ${s.new}, duplicate ${s.duplicate}, already stored ${s.skipped}, unchanged ${s.notModified}, failed ${s.failed.length}\n`,
  );
  for (const f of s.failed.slice(0, maxFailures)) out.write(`  failed: ${f.where}: ${f.reason}\n`);
  if (s.failed.length > maxFailures) out.write(`  ... and ${s.failed.length - maxFailures} more failures\n`);
}

/** What the record step did: articles, the alerts it raised, the articles it could not record. */
export function printRecorded(out: Out, r: RecordPendingResult): void {
  out.write(`recorded ${r.articles} article(s): ${r.alerts.length} alert(s) raised\n`);
  for (const a of r.alerts) out.write(`  alert ${a.kind}: ${a.tripId}\n`);
  for (const f of r.failed) out.write(`  not recorded: ${f.articleId}: ${f.reason}\n`);
}
