import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userToken } from './helpers/app.js';
import { freeTcpPort } from '../../scripts/kit/index.mjs';

// main.ts as a real process: configuration errors, SIGTERM draining in-flight requests.
const ROOT = resolve(import.meta.dirname, '../..');
// A production run: secrets of its own (the repository's are refused), issuer and audience required.
const SECRET = randomBytes(24).toString('hex');
const AUTH_SECRET = randomBytes(24).toString('hex');
const ISSUER = 'https://id.urbania.example';
const AUDIENCE = 'urbania-meet';

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
    expect(err).toContain('DEMO_LOGIN: the demo login is only allowed with NODE_ENV=development');
  });

  it('with NODE_ENV=production reads no .env, so the development secrets in it cannot be picked up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'urbania-main-'));
    try {
      // A .env in the working folder that would make the configuration valid, were it read.
      writeFileSync(join(dir, '.env'), `LIVEKIT_API_KEY=k\nLIVEKIT_API_SECRET=${SECRET}\nAUTH_JWT_SECRET=${AUTH_SECRET}\nAUTH_ISSUER=${ISSUER}\nAUTH_AUDIENCE=${AUDIENCE}\n`);
      const run = async (nodeEnv: string) => {
        // tsx by path: the folder has no node_modules to resolve it from.
        const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
        const child = spawn(process.execPath, ['--import', tsx, entry], {
          cwd: dir,
          env: { PATH: process.env.PATH!, NODE_ENV: nodeEnv, PORT: '0', HOST: '127.0.0.1', MONGODB_URI: '', LOG_LEVEL: 'info' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let err = '';
        let out = '';
        child.stderr.on('data', (d) => (err += d));
        // A valid configuration listens: stop it once it says so.
        child.stdout.on('data', (d) => {
          out += d;
          if (out.includes('token service listening')) child.kill('SIGTERM');
        });
        const code = await new Promise((r) => child.on('exit', r));
        return { code, err, listened: out.includes('token service listening') };
      };
      const production = await run('production');
      expect(production.code).toBe(1);
      expect(production.err).toContain('LIVEKIT_API_KEY: is required');
      expect(production.err).toContain('.env is not read with NODE_ENV=production');
      // The same folder in development: .env is read and the configuration is complete.
      const development = await run('development');
      expect(development.err).not.toContain('Invalid configuration');
      expect(development.listened).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['LIVEKIT_API_SECRET', { LIVEKIT_API_SECRET: 'urbania-dev-secret-0123456789abcdef' }],
    ['LIVEKIT_API_KEY', { LIVEKIT_API_KEY: 'devkey' }],
    ['AUTH_JWT_SECRET', { AUTH_JWT_SECRET: 'urbania-dev-jwt-secret-change-me-0123456789' }],
  ])('refuses to start in production with the published %s, naming it', async (name, published) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH!,
        NODE_ENV: 'production',
        LIVEKIT_API_KEY: 'k',
        LIVEKIT_API_SECRET: SECRET,
        AUTH_JWT_SECRET: AUTH_SECRET,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
        ...published,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    expect(await new Promise((r) => child.on('exit', r))).toBe(1);
    expect(err).toMatch(new RegExp(`^  - ${name}: .*published`, 'm'));
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const port = await freeTcpPort();
    const main = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH!,
        NODE_ENV: 'production',
        DEMO_LOGIN: '0',
        MONGODB_URI: '',
        HOST: '127.0.0.1',
        PORT: String(port),
        LIVEKIT_URL: `http://127.0.0.1:${sfuPort}`,
        LIVEKIT_API_KEY: 'testkey',
        LIVEKIT_API_SECRET: SECRET,
        AUTH_JWT_SECRET: AUTH_SECRET,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
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
    const token = await userToken('alice', 'Alice', { secret: AUTH_SECRET, issuer: ISSUER, audience: AUDIENCE });
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
