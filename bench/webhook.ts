/**
 * @module bench/webhook
 * How soon a warning reaches its receiver: 1,000 articles, each announcing a visit to a state
 * bound to arrest, go one by one through the live path (store the article, the record step with
 * the real extractor, one delivery pass) to a webhook receiver on 127.0.0.1; the time from the
 * article's arrival to the receiver holding the signed alert, median and p99 (issue 9: < 1 s).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { curatedTrips } from '../src/events/index.js';
import { createExtractor } from '../src/extract/index.js';
import { loadExtractorData } from '../src/extract/load.js';
import { deliverDue, httpPost } from '../src/jobs/delivery.js';
import { recordArticle } from '../src/jobs/record.js';
import { loadRegistry } from '../src/registry/index.js';
import { fingerprint } from '../src/ingest/dedup/index.js';
import { openStore } from '../src/store/index.js';
import { fmtMs, printTable } from './measure.js';

const STATES = ['Mongolia', 'South Africa', 'Brazil', 'Tajikistan', 'Kenya', 'Argentina', 'Germany', 'Japan'];
const N = Number(process.env.WW_BENCH_WEBHOOK_ARTICLES ?? 1000);

export async function benchWebhook(): Promise<void> {
  const arrived = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrived.set(String(req.headers['webhook-id']), performance.now());
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const reg = loadRegistry();
  const extract = createExtractor(reg, loadExtractorData());
  const store = await openStore({ url: 'sqlite::memory:', migrate: true });
  await store.addWebhook({ url, secret: 'bench-secret-0123456789' });
  const http = httpPost({ timeoutMs: 5000, allowPrivateAddresses: false, allowedNetworks: ['127.0.0.1/32'] });
  const deps = { store, extract, reg, curated: curatedTrips(reg.trips), now: () => new Date() };
  const latencies: number[] = [];
  const today = Date.now();
  try {
    for (let i = 0; i < N; i++) {
      // A fresh journey each time: a state, and a day far enough from the others not to merge.
      const when = new Date(today + (10 + (Math.floor(i / STATES.length) % 300) * 40) * 86_400_000);
      const day = when.toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      const text = `Russian President Vladimir Putin will visit ${STATES[i % STATES.length]} on ${day}, the Kremlin said in statement ${i}.`;
      const t0 = performance.now();
      const saved = await store.saveArticle({
        id: `w${i}`,
        draft: {
          url: `https://news.example/w${i}`,
          source: 'bench',
          text,
          publishedAt: new Date().toISOString(),
        },
        fingerprint: fingerprint(text),
        fetchedAt: new Date().toISOString(),
      });
      // A near-duplicate is stored and recorded like any other article; only exact copies are not.
      if (saved.kind === 'duplicate' && saved.reason !== 'near_duplicate') continue;
      const step = await recordArticle(deps, `w${i}`);
      const sent = await deliverDue({ store, post: http.post, now: () => new Date() });
      if (!step.alerts.length || !sent.delivered) continue;
      const due = [...arrived.values()].at(-1)!;
      latencies.push(due - t0);
    }
  } finally {
    await http.close();
    await store.close();
    await new Promise((resolve) => server.close(resolve));
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  printTable(
    `from an article's arrival to its alert at a webhook on 127.0.0.1 (${N} articles, ${latencies.length} alerts delivered)`,
    ['measure', 'value', 'compared with'],
    [
      ['median', fmtMs(at(0.5)), 'issue 9: within 1 s'],
      ['p99', fmtMs(at(0.99)), 'issue 9: within 1 s'],
      ['slowest', fmtMs(latencies.at(-1)!), ''],
    ],
  );
}
