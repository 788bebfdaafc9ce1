/**
 * Stand-in hosts for the link-rot benchmark, in their own process so the
 * checker's memory is measured alone: `--hosts` servers on 127.0.0.1, each
 * answering after `--latency` ms. Paths decide the behaviour:
 * `/flaky/…` answers 503 once then 200, `/limited/…` answers 429 with
 * Retry-After: 1 once then 200, `/quoted/…` is a page holding the quote,
 * anything else is a plain 200 page. Prints the origins as one JSON line;
 * when stdin closes, prints per-host statistics and exits.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { hosts: { type: 'string', default: '50' }, latency: { type: 'string', default: '50' } } });
const latency = Number(values.latency);
const seen = new Set<string>();
const stats: { origin: string; requests: number; maxActive: number }[] = [];
const servers = [];

for (let i = 0; i < Number(values.hosts); i++) {
  const stat = { origin: '', requests: 0, maxActive: 0 };
  let active = 0;
  const server = createServer((req, res) => {
    active++;
    stat.requests++;
    stat.maxActive = Math.max(stat.maxActive, active);
    res.on('close', () => active--);
    const key = `${i}${req.url}`;
    const first = !seen.has(key);
    seen.add(key);
    setTimeout(() => {
      const path = req.url ?? '/';
      if (path.startsWith('/flaky/') && first) return void res.writeHead(503).end('busy');
      if (path.startsWith('/limited/') && first) return void res.writeHead(429, { 'retry-after': '1' }).end('slow down');
      const body = path.startsWith('/quoted/')
        ? '<!doctype html><title>Report</title><main><p>Negotiators agreed that the ceasefire line would be monitored by observers.</p></main>'
        : '<!doctype html><title>Page</title><p>Fine.</p>';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : body);
    }, latency);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  stat.origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  stats.push(stat);
  servers.push(server);
}

process.stdout.write(`${JSON.stringify(stats.map((s) => s.origin))}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  process.stdout.write(`${JSON.stringify(stats)}\n`);
  process.exit(0);
});
