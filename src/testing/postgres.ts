/**
 * @module testing/postgres
 * A throwaway PostgreSQL cluster for the tests: started once per run by vitest's globalSetup
 * (initdb in a temporary folder, a free port on 127.0.0.1, its socket in the same folder, torn
 * down at the end), and a fresh, empty database in it for each store a test opens. No server
 * is ever started by hand; without PostgreSQL the tests that need it fail, saying what to install.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/** What globalSetup hands to the test files: where the cluster listens, or why there is none. */
export type TestPostgres = { port: number } | { error: string };

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: TestPostgres;
  }
}

const SUPERUSER = 'postgres';

/** initdb's folder: pg_config's, else the newest Debian version's, else whatever PATH has. */
export function postgresBinDir(): string | undefined {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && has(fromConfig.stdout.trim())) return fromConfig.stdout.trim();
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(join(debian, v, 'bin'))) return join(debian, v, 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0) return join(which.stdout.trim(), '..');
  return undefined;
}

/** A port of 127.0.0.1 nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  port: number;
  stop(): void;
}

/**
 * initdb and pg_ctl start, as the `postgres` user when running as root (PostgreSQL refuses to
 * run as root), with durability off (fsync, synchronous_commit): the data is thrown away.
 */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL's initdb is not installed: run 'bash scripts/ensure-postgres.sh'");
  const dir = mkdtempSync(join(tmpdir(), 'ww-pg-'));
  const asRoot = userInfo().uid === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  try {
    run('initdb', ['-D', data, '-U', SUPERUSER, '-A', 'trust', '--locale=C', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'log'), '-o', settings]);
    return {
      port,
      stop() {
        try {
          run('pg_ctl', ['stop', '-m', 'immediate', '-D', data]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`could not start a test PostgreSQL cluster: ${stderr || (e as Error).message}`);
  }
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The URL of a database on the cluster, as a user would write it. */
export function databaseUrl(port: number, database: string): string {
  return `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
}

/**
 * A new, empty database on a cluster, in byte order (LOCALE 'C', as the store requires): its URL.
 * The benchmarks call it on a cluster of their own; tests go through freshDatabase.
 */
export async function createDatabase(port: number, options: { locale?: string } = {}): Promise<string> {
  const name = `ww_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl(port, 'postgres') });
  await admin.connect();
  try {
    const locale = options.locale ?? "LOCALE 'C'";
    await admin.query(`create database ${name} template template0 encoding 'UTF8' ${locale}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(port, name);
}

/** A fresh database on the run's cluster; throws, so the test fails, when the cluster could not start. */
export async function freshDatabase(options: { locale?: string } = {}): Promise<string> {
  const { inject } = await import('vitest');
  const cluster = inject('postgres');
  if ('error' in cluster) throw new Error(cluster.error);
  return createDatabase(cluster.port, options);
}

let cluster: Cluster | undefined;

/**
 * vitest globalSetup: one cluster for the whole run. A failure to start is handed on, not thrown,
 * so the tests that need PostgreSQL fail with it and the others still run.
 */
export async function setup(project: TestProject): Promise<void> {
  try {
    cluster = await startCluster();
    project.provide('postgres', { port: cluster.port });
  } catch (e) {
    project.provide('postgres', { error: `no PostgreSQL for the tests: ${(e as Error).message}` });
  }
}

export function teardown(): void {
  cluster?.stop();
  cluster = undefined;
}
