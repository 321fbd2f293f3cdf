/**
 * @module cli/commands/migrate
 * `warrant-watch migrate`: brings the database named by DATABASE_URL to the current schema.
 */
import type { Command } from 'commander';
import { readConfig } from '../../config.js';
import { openStore } from '../../store/index.js';
import type { CliContext } from '../context.js';

export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const store = await openStore({ url: readConfig(ctx.env).databaseUrl, migrate: true });
      try {
        ctx.out.write(`schema at version ${await store.schemaVersion()}\n`);
      } finally {
        await store.close();
      }
    });
}
