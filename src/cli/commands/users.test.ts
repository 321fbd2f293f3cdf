import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../registry/index.js';
import { openStore } from '../../store/index.js';
import { runCli } from '../../testing/cli.js';
import { verifyPassword } from '../../web/auth/passwords.js';
import { registerUsers } from './users.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-users-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'ww.db')}` };

async function userOf(email: string) {
  const store = await openStore({ url: env.DATABASE_URL, migrate: true });
  try {
    return await store.getUser({ email });
  } finally {
    await store.close();
  }
}

describe('warrant-watch user add', () => {
  it('adds an account with a generated password printed once, and refuses a second one', async () => {
    const add = await runCli(['user', 'add', 'Mod@Example.org', '--role', 'moderator'], env);
    expect(add.err).toBe('');
    expect(add.code).toBe(0);
    const password = /password \(shown once\): (\S+)/.exec(add.out)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    const user = await userOf('mod@example.org');
    expect(user).toMatchObject({ role: 'moderator' });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user!.passwordHash, password)).toBe(true);
    const again = await runCli(['user', 'add', 'mod@example.org', '--role', 'analyst'], env);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already has an account');
    const badRole = await runCli(['user', 'add', 'x@example.org', '--role', 'admin'], env);
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('--role must be one of: analyst, moderator');
  });

  it('reads the password from stdin with --password-stdin and prints none', async () => {
    let out = '';
    const ctx = {
      registry: () => {
        throw new Error('not needed');
      },
      out: { write: (s: string) => void (out += s) },
      today: () => '2026-11-27' as IsoDate,
      env: { ...env, WW_LOG_LEVEL: 'silent' },
    };
    const program = new Command().exitOverride();
    registerUsers(program, ctx, Readable.from(['a long enough password\nignored\n']));
    await program.parseAsync(
      ['user', 'add', 'analyst@example.org', '--role', 'analyst', '--password-stdin'],
      {
        from: 'user',
      },
    );
    expect(out).toBe('added analyst analyst@example.org\n');
    const user = await userOf('analyst@example.org');
    expect(await verifyPassword(user!.passwordHash, 'a long enough password')).toBe(true);
    const short = new Command().exitOverride();
    registerUsers(short, ctx, Readable.from(['short\n']));
    await expect(
      short.parseAsync(['user', 'add', 'b@example.org', '--role', 'analyst', '--password-stdin'], {
        from: 'user',
      }),
    ).rejects.toThrow(/at least 12 characters/);
  });
});
