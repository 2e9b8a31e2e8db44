import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_SECRET, userToken } from './helpers/app.js';
import { freeTcpPort } from './helpers/ports.js';

// main.ts as a real process: configuration errors, SIGTERM draining in-flight requests.
const ROOT = resolve(import.meta.dirname, '../..');
const SECRET = 'test-secret-for-the-token-service-suite-0123456789';

// A LiveKit stand-in that answers CreateRoom slowly, so a request is still in flight when SIGTERM arrives.
// (The real server is used everywhere else; here only the timing is under test.)
let slowSfu: Server;
let sfuPort: number;
beforeAll(async () => {
  sfuPort = await freeTcpPort();
  slowSfu = createServer((req, res) => {
    req.resume();
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ name: 'draining', sid: 'RM_x' }));
    }, 1500);
  });
  await new Promise<void>((r) => slowSfu.listen(sfuPort, '127.0.0.1', r));
});
afterAll(() => new Promise((r) => slowSfu?.close(r)));


const entry = resolve(ROOT, 'token-service/src/main.ts');

describe('main.ts', () => {
  it('refuses to start with an invalid configuration, one line per problem', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, NODE_ENV: 'production', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 'short', AUTH_JWT_SECRET: '', DEMO_LOGIN: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(1);
    expect(err).toContain('LIVEKIT_API_SECRET: must be at least 32 characters');
    expect(err).toContain('AUTH_JWT_SECRET or AUTH_JWKS_URL');
    expect(err).toContain('DEMO_LOGIN: the demo login cannot be enabled when NODE_ENV=production');
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const port = await freeTcpPort();
    const main = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH!,
        NODE_ENV: 'test',
        // Set explicitly so the repo's .env (if any) adds nothing.
        DEMO_LOGIN: '0',
        MONGODB_URI: '',
        HOST: '127.0.0.1',
        PORT: String(port),
        LIVEKIT_URL: `http://127.0.0.1:${sfuPort}`,
        LIVEKIT_API_KEY: 'testkey',
        LIVEKIT_API_SECRET: SECRET,
        AUTH_JWT_SECRET: AUTH_SECRET,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    main.stdout.on('data', (d) => (output += d));
    main.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((r) => main.on('exit', (code) => r(code)));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    const token = await userToken('alice', 'Alice');
    const inFlight = fetch(`${url}/api/livekit/rooms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ room_name: 'draining', participants: [], call_type: 'video' }),
    });
    await new Promise((r) => setTimeout(r, 300));
    main.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(201);
    expect(await exited).toBe(0);
    const lines = output.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down: finishing in-flight requests', 'stopped']));
    // Structured logs: a request id on each request line, and never a token or a secret.
    expect(lines.find((l) => l.msg === 'request' && l.status === 201)?.requestId).toBeTruthy();
    expect(output).not.toContain(token);
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain(AUTH_SECRET);
  });
});
