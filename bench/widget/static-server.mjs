// A static server on a free loopback port for the benchmark's own pages (bench/widget/*.html, *.js, *.css) and
// livekit-client's ESM build straight from node_modules at /lib/livekit-client.esm.mjs.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../../e2e/stack.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** @param {string} index the page served at `/` @returns {Promise<{ server: import('node:http').Server, url: string }>} */
export function startBenchPages(index = 'baseline.html') {
  const lib = path.join(ROOT, 'node_modules/livekit-client/dist/livekit-client.esm.mjs');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/lib/livekit-client.esm.mjs') {
      res.writeHead(200, { 'content-type': TYPES['.js'] });
      return res.end(readFileSync(lib));
    }
    const name = url.pathname === '/' ? index : url.pathname.slice(1);
    const type = TYPES[path.extname(name)];
    const file = path.join(HERE, name);
    if (!type || name.includes('/') || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}` })),
  );
}
