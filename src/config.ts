/**
 * @module config
 * Every setting in one declarative table: environment name, type, default, secret flag, one line
 * of description. Read and validated once at start-up; nothing else reads process.env.
 */
import { isIP } from 'node:net';
import { AppError } from './errors.js';
import { z } from 'zod';

const setting = <T extends z.ZodType>(env: string, schema: T, description: string, secret = false) => ({
  env,
  schema,
  description,
  secret,
});

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const settings = {
  databaseUrl: setting(
    'DATABASE_URL',
    z.string().min(1).default('sqlite:./data/warrant-watch.db'),
    'where the store lives: sqlite:<path>, sqlite::memory:, postgres://user:password@host:port/db (a secret)',
    true,
  ),
  sourcesFile: setting(
    'WW_SOURCES_FILE',
    z.string().min(1).default('data/sources.yaml'),
    'the list of sources to watch',
  ),
  userAgent: setting(
    'WW_USER_AGENT',
    z.string().min(1).default('warrant-watch/0.1 (+https://github.com/warrant-watch/warrant-watch)'),
    'User-Agent of every request',
  ),
  fetchTimeoutMs: setting(
    'WW_FETCH_TIMEOUT_MS',
    z.coerce.number().int().positive().default(20_000),
    'timeout of one request, headers and body',
  ),
  fetchMaxBytes: setting(
    'WW_FETCH_MAX_BYTES',
    z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 2 ** 20),
    'largest response body accepted, after decompression',
  ),
  perHostIntervalMs: setting(
    'WW_PER_HOST_INTERVAL_MS',
    z.coerce.number().int().nonnegative().default(2_000),
    'least time between two requests to one host',
  ),
  allowPrivateAddresses: setting(
    'WW_ALLOW_PRIVATE_ADDRESSES',
    boolFromEnv.default(false),
    'fetch loopback and private addresses (tests only)',
  ),
  respectRobots: setting('WW_RESPECT_ROBOTS', boolFromEnv.default(true), 'obey robots.txt'),
  smtpUrl: setting(
    'WW_SMTP_URL',
    z.string().url().optional(),
    'the SMTP server that sends alerts to mailto: webhooks and reply e-mails to commenters (smtp://user:pass@host:587)',
    true,
  ),
  mailFrom: setting(
    'WW_MAIL_FROM',
    z.string().min(3).default('warrant-watch <alerts@localhost>'),
    'the sender of alert e-mails',
  ),
  feedsDir: setting(
    'WW_FEEDS_DIR',
    z.string().min(1).default('data/feeds'),
    'where the Atom and JSON Feed documents of the alerts are written',
  ),
  publicUrl: setting(
    'WW_PUBLIC_URL',
    z.string().url().default('http://localhost:8080'),
    'the address the dashboard is served at, for links in feeds',
  ),
  port: setting(
    'WW_PORT',
    z.coerce.number().int().min(0).max(65_535).default(8080),
    'the port `serve` listens on (0: any free port)',
  ),
  host: setting(
    'WW_HOST',
    z.string().min(1).default('127.0.0.1'),
    'the address `serve` listens on (0.0.0.0 to be reached from other machines)',
  ),
  trustProxy: setting(
    'WW_TRUST_PROXY',
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v?.trim()) return undefined;
        const list = v.split(',').map((a) => a.trim());
        const bad = list.find((a) => !isProxyAddress(a));
        if (bad === undefined) return list.join(',');
        ctx.addIssue({ code: 'custom', message: `"${bad}" is not an IP address or a CIDR range` });
        return z.NEVER;
      }),
    'the reverse proxies in front of `serve` (addresses or CIDR ranges, comma-separated): their X-Forwarded-For names the client that rate limits count (default: none trusted, the header ignored)',
  ),
  secret: setting(
    'WW_SECRET',
    z.string().min(32, { error: 'at least 32 characters' }).optional(),
    "signs sessions, CSRF tokens and comment delete links, and keys commenters' e-mail hashes (default: one generated per database and kept in it)",
    true,
  ),
  commentPurgeDays: setting(
    'WW_COMMENT_PURGE_DAYS',
    z.coerce.number().int().positive().max(3650).default(30),
    'days a comment may wait for a moderator; after that the watcher purges it (`comments purge`)',
  ),
  logLevel: setting(
    'WW_LOG_LEVEL',
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    'log level',
  ),
} as const;

/** "10.0.0.1", "::1", "10.0.0.0/8", "fd00::/8". */
function isProxyAddress(a: string): boolean {
  const [ip, prefix, ...rest] = a.split('/');
  const family = isIP(ip ?? '');
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

/** A setting that is missing or malformed: the operator's input, so a 4xx (exit code 2). */
export class ConfigError extends AppError {
  override readonly name = 'ConfigError';
  readonly code = 'bad_config';
  readonly status = 400;
}

/** Reads every setting from `env`; throws a ConfigError naming each bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, s] of Object.entries(settings)) {
    const raw = env[s.env];
    const parsed = s.schema.safeParse(raw === '' ? undefined : raw);
    if (parsed.success) out[key] = parsed.data;
    else
      problems.push(
        `${s.env}=${s.secret ? '(secret)' : JSON.stringify(raw)}: ${parsed.error.issues[0]?.message}`,
      );
  }
  if (problems.length) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return out as Config;
}

/** The configuration as `warrant-watch config` prints it, secrets redacted. */
export function describeConfig(config: Config): { env: string; value: string; description: string }[] {
  return Object.entries(settings).map(([key, s]) => ({
    env: s.env,
    value: s.secret ? '(redacted)' : String(config[key as keyof Config]),
    description: s.description,
  }));
}
