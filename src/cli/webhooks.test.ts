import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayFromToday, spelledDay } from '../testing/claims.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../alerts/index.js';
import { openStore } from '../store/index.js';
import { runCli } from '../testing/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-webhooks-'));
const env = {
  DATABASE_URL: `sqlite:${join(dir, 'ww.db')}`,
  WW_ALLOW_PRIVATE_ADDRESSES: 'true',
  WW_FEEDS_DIR: join(dir, 'feeds'),
};
const got: { headers: IncomingHttpHeaders; body: string }[] = [];
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('warrant-watch webhooks', () => {
  it('adds a webhook, and an ingested plan reaches it signed, once', async () => {
    const add = await runCli(['webhooks', 'add', `${origin}/hook`, '--kinds', 'upcoming_visit,arrival'], env);
    expect(add.err).toBe('');
    const secret = /secret \(shown once, keep it to verify signatures\): (\S+)/.exec(add.out)![1]!;
    const list = await runCli(['webhooks', 'list'], env);
    expect(list.out).toContain(`${origin}/hook`);
    expect(list.out).not.toContain(secret);
    const file = join(dir, 'news.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ id: 'w-1', url: 'https://news.example/w-1', published: dayFromToday(0), text: `Russian President Vladimir Putin will visit Brazil on ${spelledDay(dayFromToday(9))}, the Kremlin said.` })}\n`,
    );
    const ingest = await runCli(['ingest', file], env);
    expect(ingest.out).toContain('webhooks: 1 delivered, 0 to retry, 0 given up');
    await runCli(['ingest', file], env);
    expect(got).toHaveLength(1);
    const [hit] = got;
    expect(verifyWebhook(secret, hit!.headers, hit!.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(hit!.headers['x-warrant-watch-event']).toBe('upcoming_visit');
    expect(JSON.parse(hit!.body)).toMatchObject({
      kind: 'upcoming_visit',
      country_iso2: 'BR',
      duty: { kind: 'binding' },
    });
  }, 60_000); // two ingests, each loading the extractor

  it('takes a mailto: address for alerts by e-mail, without a secret to show', async () => {
    const add = await runCli(['webhooks', 'add', 'mailto:desk@ngo.example'], env);
    expect(add.out).toMatch(/^added webhook \S+: mailto:desk@ngo\.example \(every kind\)\n$/);
    const bad = await runCli(['webhooks', 'add', 'mailto:not-an-address'], env);
    expect([bad.code, bad.err]).toEqual([
      2,
      'warrant-watch: bad webhook address "mailto:not-an-address": not an e-mail address\n',
    ]);
  });

  it('names a bad URL, a bad kind and an unknown webhook', async () => {
    const url = await runCli(['webhooks', 'add', 'ftp://example.org/x'], env);
    expect([url.code, url.err]).toEqual([
      2,
      'warrant-watch: bad webhook URL "ftp://example.org/x": only http and https URLs receive webhooks\n',
    ]);
    const kind = await runCli(['webhooks', 'add', `${origin}/x`, '--kinds', 'arrival,landing'], env);
    expect(kind.err).toContain('unknown alert kind(s) "landing"; choose from: upcoming_visit');
    const gone = await runCli(['webhooks', 'remove', 'nope'], env);
    expect([gone.code, gone.err]).toEqual([2, 'warrant-watch: no webhook nope\n']);
  });

  it("names who added each webhook: the operator on the command line, else the user's e-mail", async () => {
    const store = await openStore({ url: env.DATABASE_URL });
    const ana = await store.addUser({
      email: 'ana@ngo.example',
      role: 'analyst',
      passwordHash: 'not used here',
    });
    const hook = await store.addWebhook({
      url: `${origin}/ana`,
      secret: 'a-secret-of-ana-16+',
      ownerId: ana.id,
    });
    await store.close();
    const list = await runCli(['webhooks', 'list'], env);
    expect(list.out).toMatch(new RegExp(`${hook.id} .*/ana .* ana@ngo\\.example`));
    expect(list.out).toMatch(/\/hook .* operator \(CLI\)/);
    expect(list.out).not.toContain('a-secret-of-ana');
    const json = JSON.parse((await runCli(['webhooks', 'list', '--json'], env)).out) as {
      id: string;
      owner: unknown;
    }[];
    expect(json.find((h) => h.id === hook.id)?.owner).toEqual({ id: ana.id, email: 'ana@ngo.example' });
    expect(json.filter((h) => h.owner === null).length).toBeGreaterThan(0);
  });
});
