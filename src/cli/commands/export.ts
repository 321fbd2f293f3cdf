/**
 * @module cli/commands/export
 * `warrant-watch export [file]` and `warrant-watch import <file>`: the whole record (articles,
 * events, trips with history and evidence, alerts, analysts' decisions, the audit log) as JSON
 * lines, one row a line after a header naming the schema version. Importing adds what is not
 * there yet, so an export imported into a fresh database exports again to the same lines.
 * Webhooks (their secrets) and the fetch log are not part of it. `export --hashes` prints each
 * table's row count and hash, to compare two databases (SQLite and PostgreSQL) after a move.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { DUMP_TABLES, isDumpTable, LATEST_VERSION, type DumpTable } from '../../store/index.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { readConfig } from '../../config.js';
import { openConfiguredStore, openRecordStore } from '../stores.js';

const FORMAT = 'warrant-watch-record';
const PAGE = 1000;

const header = z.object({ format: z.literal(FORMAT), schema_version: z.number().int() });
const line = z.object({
  table: z.string().refine(isDumpTable, 'not a table of the record'),
  row: z.record(z.string(), z.unknown()),
});

/** A row as export writes it, keys in order: the same row prints the same line from either dialect. */
const lineOf = (table: DumpTable, row: Record<string, unknown>) =>
  JSON.stringify({
    table,
    row: Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1))),
  });

/** Every table of the record: its rows, in key order, hashed as the lines export writes. */
async function printHashes(ctx: CliContext): Promise<void> {
  // The store as it is: not the record store, whose sync would write the curated trips first.
  const store = await openConfiguredStore(readConfig(ctx.env));
  try {
    for (const table of Object.keys(DUMP_TABLES) as DumpTable[]) {
      const hash = createHash('sha256');
      let rows = 0;
      for (let offset = 0; ; offset += PAGE) {
        const page = await store.dumpRows({ table, offset, limit: PAGE });
        for (const row of page) hash.update(`${lineOf(table, row)}\n`);
        rows += page.length;
        if (page.length < PAGE) break;
      }
      ctx.out.write(`${table.padEnd(16)} ${String(rows).padStart(9)} ${hash.digest('hex')}\n`);
    }
  } finally {
    await store.close();
  }
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('write the whole record as JSON lines (to a file, or standard output)')
    .argument('[file]', 'where to write (default: standard output)')
    .option('--hashes', "print each table's row count and SHA-256 instead (compare two databases)")
    .action(async (file: string | undefined, opts: { hashes?: boolean }) => {
      if (opts.hashes) return printHashes(ctx);
      const store = await openRecordStore(ctx);
      const sink = file ? createWriteStream(file) : null;
      const write = (s: string) => (sink ? sink.write(s) : ctx.out.write(s));
      let rows = 0;
      try {
        write(
          `${JSON.stringify({ format: FORMAT, schema_version: LATEST_VERSION, exported_at: new Date().toISOString() })}\n`,
        );
        for (const table of Object.keys(DUMP_TABLES) as DumpTable[])
          for (let offset = 0; ; offset += PAGE) {
            const page = await store.dumpRows({ table, offset, limit: PAGE });
            for (const row of page) write(`${JSON.stringify({ table, row })}\n`);
            rows += page.length;
            if (page.length < PAGE) break;
          }
      } finally {
        await store.close();
        if (sink)
          await new Promise<void>((resolve, reject) =>
            sink.end((e?: Error | null) => (e ? reject(e) : resolve())),
          );
      }
      if (file) ctx.out.write(`exported ${rows} rows to ${file}\n`);
    });

  program
    .command('import')
    .description('add the rows of an export to the record (what is already there is kept)')
    .argument('<file>', 'a file written by warrant-watch export')
    .action(async (file: string) => {
      const text = await readFile(file, 'utf8').catch((e: Error) => {
        throw new UsageError(`cannot read "${file}": ${e.message}`);
      });
      const lines = text.split('\n').filter((l) => l.trim());
      const parse = (raw: string, n: number) => {
        try {
          return JSON.parse(raw) as unknown;
        } catch (e) {
          throw new UsageError(`${file}:${n}: not JSON (${(e as Error).message}); nothing imported`);
        }
      };
      const head = header.safeParse(parse(lines[0] ?? '', 1));
      if (!head.success)
        throw new UsageError(`${file}:1: not a warrant-watch export header; nothing imported`);
      if (head.data.schema_version !== LATEST_VERSION)
        throw new UsageError(
          `${file} was exported at schema version ${head.data.schema_version}, this database is at ${LATEST_VERSION}; nothing imported`,
        );
      const byTable = new Map<DumpTable, Record<string, unknown>[]>();
      const errors: string[] = [];
      lines.slice(1).forEach((raw, i) => {
        const parsed = line.safeParse(parse(raw, i + 2));
        if (!parsed.success) return void errors.push(`${file}:${i + 2}: ${parsed.error.issues[0]!.message}`);
        const table = parsed.data.table as DumpTable;
        byTable.set(table, [...(byTable.get(table) ?? []), parsed.data.row]);
      });
      if (errors.length)
        throw new UsageError(
          `${errors.length} bad line(s), nothing imported:\n${errors.slice(0, 20).join('\n')}`,
        );
      // Not the record store: its sync would first write the curated trips with times of its own,
      // and the export's rows of them, with the times the record had, would be skipped.
      const store = await openConfiguredStore(readConfig(ctx.env));
      let added = 0;
      try {
        for (const table of Object.keys(DUMP_TABLES) as DumpTable[]) {
          const rows = byTable.get(table) ?? [];
          for (let i = 0; i < rows.length; i += PAGE)
            added += await store.loadRows({ table, rows: rows.slice(i, i + PAGE) });
        }
      } finally {
        await store.close();
      }
      ctx.out.write(`imported ${added} new rows of ${lines.length - 1}\n`);
    });
}
