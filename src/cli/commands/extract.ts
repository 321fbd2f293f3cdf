/**
 * @module cli/commands/extract
 * `warrant-watch extract [file.jsonl]`: reads JSON lines { id, published, text } (stdin without a
 * file) and writes one JSON line per input with the events found; a bad line gets a JSON line with
 * an error naming the line, and the run goes on; when every line failed, the exit code is 1.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { issuePath, type CreateExtractor, type Extractor } from '../../extract/eval/index.js';
import type { ExtractedEvent } from '../../model.js';
import type { CliContext } from '../context.js';
import { NothingDoneError, UsageError } from '../errors.js';
import { lineBatches } from '../lines.js';

/** The pipeline's services, loaded when the command runs: `--help` need not pay for them. */
const pipeline = () => import('../services.js');

const inputLine = z.object({
  id: z.union([z.string(), z.number()]),
  published: z
    .union([
      z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected YYYY-MM-DD (or an ISO date-time), "" or null'),
      z.literal(''),
      z.null(),
    ])
    .optional(),
  text: z.string(),
});

export interface ExtractDeps {
  createExtractor?: () => Promise<CreateExtractor>;
  stdin?: AsyncIterable<Buffer | string>;
}

/** The output record of one event, in the issue's field names. */
export function eventJson(e: ExtractedEvent, nameOf: (id: string) => string) {
  return {
    type: e.type,
    subject_id: e.subjectId,
    subject_name: nameOf(e.subjectId),
    country_iso2: e.countryIso2,
    city: e.city,
    start: e.start,
    end: e.end,
    status: e.status,
    confidence: e.confidence,
    evidence: e.evidence.map((x) => ({ start: x.start, end: x.end, text: x.text })),
  };
}

/** One output line (without the newline) for one input line, and whether it failed (`{ line, error }`). */
export function extractLine(
  raw: string,
  line: number,
  extract: Extractor,
  nameOf: (id: string) => string,
): { json: string; failed: boolean } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return {
      json: JSON.stringify({ line, error: `line ${line}: not JSON (${(e as Error).message})` }),
      failed: true,
    };
  }
  const parsed = inputLine.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const id = (json as { id?: unknown } | null)?.id;
    const error = `line ${line}: field ${issuePath(issue.path) || '(root)'}: ${issue.message}`;
    const idPart = typeof id === 'string' || typeof id === 'number' ? { id } : {};
    return { json: JSON.stringify({ ...idPart, line, error }), failed: true };
  }
  const { id, published, text } = parsed.data;
  const events = extract({ text, published: published ? published.slice(0, 10) : null });
  return { json: JSON.stringify({ id, events: events.map((e) => eventJson(e, nameOf)) }), failed: false };
}

export function registerExtract(program: Command, ctx: CliContext, deps: ExtractDeps = {}): void {
  program
    .command('extract')
    .description('find trips and related events of wanted persons in JSON lines { id, published, text }')
    .argument('[file]', 'a JSON Lines file (default: standard input)')
    .action(async (file: string | undefined) => {
      if (file)
        await access(file).catch((e: Error) => {
          throw new UsageError(`cannot read "${file}": ${e.message}`);
        });
      const reg = ctx.registry();
      const extract = (await (deps.createExtractor ?? (await pipeline()).loadExtractor)(ctx))(reg);
      const nameOf = (id: string) => reg.subjects.get(id)?.name ?? id;
      // Bytes in, decoded a chunk at a time (a file in chunks of 1 MiB: fewer reads and hand-offs than
      // the default 64 KiB); a file ends as a stream read with an encoding does, standard input as
      // readline's decoder did (lines.ts says how the two differ).
      const input = file ? createReadStream(file, { highWaterMark: 1 << 20 }) : (deps.stdin ?? process.stdin);
      let n = 0;
      let read = 0;
      let failed = 0;
      for await (const lines of lineBatches(input, file ? 'replace' : 'drop')) {
        // One write per chunk read; what was done is written even if a line throws.
        let out = '';
        try {
          for (const raw of lines) {
            n++;
            if (!raw.trim()) continue;
            const r = extractLine(raw, n, extract, nameOf);
            out += `${r.json}\n`;
            if (r.failed) failed++;
            else read++;
          }
        } finally {
          if (out) ctx.out.write(out);
        }
        await ctx.out.drained?.(); // a reader slower than we are: read on when it has caught up
      }
      // As `ingest` does: every line named its error above; the exit code says that none was read.
      if (read === 0 && failed)
        throw new NothingDoneError(`every input line failed (${failed}); nothing was extracted`);
    });
}
