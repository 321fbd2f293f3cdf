/**
 * @module bench/web-process
 * One web process of the PostgreSQL benchmark: a cluster worker serving the store at WW_BENCH_DB,
 * as `serve --no-watch` would, on the port the cluster shares among its workers. It tells the
 * primary when it listens and closes cleanly when told to.
 */
import cluster from 'node:cluster';
import { loadRegistry } from '../src/registry/index.js';
import { openStore } from '../src/store/index.js';
import { benchServer } from './web.js';

if (cluster.isPrimary) throw new Error('bench/web-process runs as a cluster worker of bench/postgres');
const store = await openStore({ url: process.env.WW_BENCH_DB! });
const app = await benchServer(store, loadRegistry(), process.env.WW_BENCH_FEEDS!);
await app.listen({ port: Number(process.env.WW_BENCH_PORT), host: '127.0.0.1' });
process.send!('ready');
process.on('message', (m) => {
  if (m === 'stop')
    void app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
});
