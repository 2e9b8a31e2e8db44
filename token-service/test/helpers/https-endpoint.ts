/**
 * A local HTTPS endpoint that records what it receives: the push service or webhook receiver stand-in. Its
 * certificate is made here by openssl for 127.0.0.1; `agent` trusts it (and only it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

type Responder = (req: Received) => number;

export interface Endpoint {
  url: string;
  agent: Agent | undefined;
  received: Received[];
  /** Resolves with the first request matching `test` (already received or to come). */
  waitFor(test: (r: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
}

export async function startEndpoint(options: { https: boolean; respond?: Responder }): Promise<Endpoint> {
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { method: req.method!, path: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
      received.push(r);
      res.statusCode = options.respond?.(r) ?? 201;
      res.end();
      for (const w of waiters.splice(0)) w();
    });
  };
  let agent: Agent | undefined;
  let server;
  if (options.https) {
    const dir = mkdtempSync(join(tmpdir(), 'urbania-endpoint-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const key = readFileSync(join(dir, 'key.pem'));
    const cert = readFileSync(join(dir, 'cert.pem'));
    rmSync(dir, { recursive: true, force: true });
    server = createServer({ key, cert }, handler);
    agent = new Agent({ ca: cert, keepAlive: false });
  } else {
    server = createHttpServer(handler);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `${options.https ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    agent,
    received,
    async waitFor(test, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(test);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`nothing matching within ${timeoutMs} ms (got ${received.map((r) => r.path).join(', ')})`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, deadline - Date.now());
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
