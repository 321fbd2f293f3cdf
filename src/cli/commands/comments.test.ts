import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { runCli } from '../../testing/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-comments-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'ww.db')}` };

async function addPending(body: string, createdAt: string): Promise<string> {
  const store = await openStore({ url: env.DATABASE_URL, migrate: true });
  try {
    const c = await store.addComment({
      target: 'trip:t1',
      kind: 'comment',
      name: 'Ann',
      emailKey: 'key-of-ann',
      body,
      state: 'pending',
      held: 'first_time',
      createdAt,
    });
    return c.id;
  } finally {
    await store.close();
  }
}

describe('warrant-watch comments', () => {
  it('lists the waiting comments, approves and rejects them', async () => {
    expect((await runCli(['comments', 'pending'], env)).out).toBe('no comments waiting\n');
    const a = await addPending('First\ncomment', '2026-11-27T10:00:00Z');
    const b = await addPending('Second comment', '2026-11-27T11:00:00Z');
    const table = await runCli(['comments', 'pending'], env);
    expect(table.out).toContain(a);
    expect(table.out).toContain('First comment');
    const json = JSON.parse((await runCli(['comments', 'pending', '--json'], env)).out) as Record<
      string,
      unknown
    >[];
    expect(json.map((c) => c.id)).toEqual([a, b]);
    expect(json[0]).toMatchObject({
      target: 'trip:t1',
      held: 'first_time',
      state: 'pending',
      body: 'First\ncomment',
    });
    expect(JSON.stringify(json)).not.toContain('key-of-ann');
    expect((await runCli(['comments', 'approve', a], env)).out).toBe(
      `approved comment ${a}: now published\n`,
    );
    expect((await runCli(['comments', 'reject', b], env)).out).toBe(`rejected comment ${b}: now rejected\n`);
    expect((await runCli(['comments', 'pending'], env)).out).toBe('no comments waiting\n');
    const none = await runCli(['comments', 'approve', 'nope'], env);
    expect(none.code).toBe(2);
    expect(none.err).toContain('no comment nope');
  });

  it('purges the comments left waiting longer than the days given, after a dry run if asked', async () => {
    const DAY = 86_400_000;
    const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    const stale = await addPending('Forgotten', ago(40));
    const older = await addPending('Older still', ago(400));
    const fresh = await addPending('Recent', ago(5));
    const dry = await runCli(['comments', 'purge', '--dry-run'], env);
    expect(dry.out).toMatch(/^would purge 2 comment\(s\) pending since before \d{4}-\d\d-\d\dT/);
    expect(dry.out.split('\n').slice(1, 3)).toEqual([`  ${older}`, `  ${stale}`]);
    expect((await runCli(['comments', 'pending', '--json'], env)).out).toContain(stale);
    const done = await runCli(['comments', 'purge'], env);
    expect(done.out).toMatch(/^purged 2 comment\(s\)/);
    const left = (await runCli(['comments', 'pending', '--json'], env)).out;
    expect([left.includes(stale), left.includes(older), left.includes(fresh)]).toEqual([false, false, true]);
    expect((await runCli(['comments', 'purge', '--older-than', '3'], env)).out).toContain(`  ${fresh}`);
    const fromEnv = await runCli(['comments', 'purge', '--dry-run'], { ...env, WW_COMMENT_PURGE_DAYS: 'x' });
    expect([fromEnv.code, fromEnv.err]).toEqual([2, expect.stringContaining('WW_COMMENT_PURGE_DAYS')]);
    const bad = await runCli(['comments', 'purge', '--older-than', '0'], env);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--older-than must be a whole number')]);
  });
});
