/**
 * @module testing/http-server
 * A throwaway node:http server on 127.0.0.1, port 0, for tests that need a remote site (never the internet).
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, server: TestServer) => void | Promise<void>;

export interface TestServer {
  origin: string;
  port: number;
  /** Request paths (with query) in arrival order. */
  hits: string[];
  /** The largest number of requests the server was handling at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

/** Starts a server routing by exact path; unknown paths (robots.txt included) get 404. */
export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  let inFlight = 0;
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    state.hits.push(path);
    state.maxInFlight = Math.max(state.maxInFlight, ++inFlight);
    res.on('close', () => inFlight--);
    const handler = routes[path.split('?')[0] ?? path];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res, state)).catch((err: unknown) => {
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const state: TestServer = {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits: [],
    maxInFlight: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}

/** Replies 200 with `body` and the given headers. */
export function page(body: string | Uint8Array, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };
}

export function redirect(location: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location }).end();
  };
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A clock that only moves when the code under test sleeps, recording each sleep. */
export function fakeClock(start = Date.UTC(2025, 3, 3, 12)): {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
  advance: (ms: number) => void;
} {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
    advance: (ms) => {
      t += ms;
    },
  };
}
