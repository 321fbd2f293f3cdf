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
});
