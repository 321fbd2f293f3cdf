/**
 * @module cli/commands/users
 * `warrant-watch user add <email> --role analyst|moderator`: an account for the web's sign-in.
 * The password is read from stdin with --password-stdin (never from the command line, where `ps`
 * and the shell's history would keep it), else generated and printed once.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { readConfig } from '../../config.js';
import type { UserRole } from '../../store/index.js';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../../web/auth/passwords.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { openConfiguredStore } from '../stores.js';

const ROLES = ['analyst', 'moderator'] as const satisfies readonly UserRole[];

async function firstLine(stdin: AsyncIterable<Buffer | string>): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0]!;
}

export function registerUsers(
  program: Command,
  ctx: CliContext,
  stdin: AsyncIterable<Buffer | string> = process.stdin,
): void {
  const user = program.command('user').description("analysts' and moderators' accounts for the web");
  user
    .command('add')
    .description('add an account; prints a generated password once unless --password-stdin')
    .argument('<email>', 'the e-mail address the person signs in with')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--password-stdin', 'read the password from the first line of stdin')
    .action(async (emailArg: string, opts: { role: string; passwordStdin?: boolean }) => {
      const email = z.email().safeParse(emailArg.trim());
      if (!email.success) throw new UsageError(`not an e-mail address: "${emailArg}"`);
      const role = z.enum(ROLES).safeParse(opts.role);
      if (!role.success) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
      const given = opts.passwordStdin ? await firstLine(stdin) : undefined;
      if (given !== undefined && given.length < MIN_PASSWORD_LENGTH)
        throw new UsageError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
      const password = given ?? generatePassword();
      const store = await openConfiguredStore(readConfig(ctx.env));
      try {
        const made = await store.addUser({
          email: email.data,
          role: role.data,
          passwordHash: await hashPassword(password),
        });
        ctx.out.write(`added ${made.role} ${made.email}\n`);
        if (given === undefined) ctx.out.write(`password (shown once): ${password}\n`);
      } finally {
        await store.close();
      }
    });
}
